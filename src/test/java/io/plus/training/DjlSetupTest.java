package io.plus.training;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The PyTorch engine runs each operation on one thread, whichever PLUS code started it first. */
class DjlSetupTest {
    @Test
    void theEngineUsesOneThreadPerOperation() {
        DjlSetup.ensure();
        Engine.getEngine("PyTorch");
        assertEquals(1, JniUtils.getNumThreads(), "intra-op threads");
        assertEquals(1, JniUtils.getNumInteropThreads(), "inter-op threads");
    }
}
