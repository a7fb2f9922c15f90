package io.plus.trainrun;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelStoreLocationTest {
    @Test
    void pathsAndFileUrisNameAFolder() {
        assertEquals(Path.of("/models"), ModelStoreLocation.parse("file:///models"));
        assertEquals(Path.of("/models/plus"), ModelStoreLocation.parse("file:/models/x/../plus"));
        assertEquals(Path.of("/srv/models"), ModelStoreLocation.parse("/srv/models"));
        assertTrue(ModelStoreLocation.parse("plus-out/models").isAbsolute());
    }

    @Test
    void otherSchemesAndHostsAreRefusedWithTheReason() {
        IllegalArgumentException s3 = assertThrows(IllegalArgumentException.class,
                () -> ModelStoreLocation.parse("s3://bucket/models"));
        assertTrue(s3.getMessage().contains("only file: locations"), s3.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelStoreLocation.parse("file://host/models"));
        assertThrows(IllegalArgumentException.class, () -> ModelStoreLocation.parse(""));
        assertThrows(IllegalArgumentException.class, () -> ModelStoreLocation.parse("file:"));
    }
}
