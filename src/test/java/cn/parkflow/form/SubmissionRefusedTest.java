package cn.parkflow.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubmissionRefusedTest {

    private final String sentence = new SubmissionRefused("形式审查", List.of("补正要求：必填", "审核意见：至少10个字"))
            .getMessage();

    @Test
    void shouldBeOneSentenceNamingEachField() {
        assertThat(sentence).isEqualTo("形式审查未能提交：补正要求：必填；审核意见：至少10个字。");
    }

    @Test
    void shouldBeFoundAgainInsideWhatTheEngineAndItsRestApiWrapAroundIt() {
        String taskListener = "{\"type\":\"RestException\",\"message\":\"Cannot submit task form 8a1f: ENGINE-03051 There was an "
                + "exception while invoking the TaskListener. Message: 'Exception while invoking TaskListener: " + sentence
                + "'\",\"code\":0}";
        String start = "{\"type\":\"RestException\",\"message\":\"Cannot instantiate process definition p:1:9: " + sentence + "\"}";

        assertThat(SubmissionRefused.in(taskListener)).isEqualTo(sentence);
        assertThat(SubmissionRefused.in(start)).isEqualTo(sentence);
        assertThat(SubmissionRefused.in("{\"message\":\"Cannot submit task form: no such task\"}")).isNull();
    }

    @Test
    void shouldNameAnotherActionOnAStepTheSameWay() {
        String claim = new SubmissionRefused("专家评分", "领取", List.of("专家 expert2 已声明与本案存在利益冲突")).getMessage();

        assertThat(claim).isEqualTo("专家评分未能领取：专家 expert2 已声明与本案存在利益冲突。");
        assertThat(SubmissionRefused.in("ENGINE-03051 There was an exception while invoking the TaskListener. Message: '"
                + claim + "'")).isEqualTo(claim);
    }
}
