package io.plus.serve;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ServedFunctionTest {
    @Test
    void pathsBelongToTheirFunctionBySegment() {
        assertEquals(Optional.of(ServedFunction.FEEDBACK_INGEST), ServedFunction.ofPath("/v1/feedback"));
        assertEquals(Optional.of(ServedFunction.SUMMARIZE), ServedFunction.ofPath("/v1/users/u1/summary"));
        assertEquals(Optional.of(ServedFunction.SUMMARIZE), ServedFunction.ofPath("/v1/users/u1"));
        assertEquals(Optional.of(ServedFunction.SUMMARIZE), ServedFunction.ofPath("/v1/me/summary"));
        assertEquals(Optional.of(ServedFunction.SUMMARIZE), ServedFunction.ofPath("/v1/me"));
        assertEquals(Optional.empty(), ServedFunction.ofPath("/v1/audit"));
        assertEquals(Optional.of(ServedFunction.SCORE), ServedFunction.ofPath("/v1/score"));
        assertEquals(Optional.of(ServedFunction.SCORE), ServedFunction.ofPath("/v1/score/batch"));
        assertEquals(Optional.empty(), ServedFunction.ofPath("/v1/scores"));
        assertEquals(Optional.empty(), ServedFunction.ofPath("/v1/feedbackx"));
        assertEquals(Optional.empty(), ServedFunction.ofPath("/v1/models"));
        assertEquals(Optional.empty(), ServedFunction.ofPath("/q/health/ready"));
    }

    @Test
    void onlyIngestWorksWithoutAModel() {
        assertEquals(false, ServedFunction.FEEDBACK_INGEST.needsModel());
        assertEquals(true, ServedFunction.SUMMARIZE.needsModel());
        assertEquals(true, ServedFunction.SCORE.needsModel());
    }
}
