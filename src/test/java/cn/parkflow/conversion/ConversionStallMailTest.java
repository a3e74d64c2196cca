package cn.parkflow.conversion;

import static cn.parkflow.conversion.AchievementConversionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/** Who gets the 黄 stall mail: the manager and the liaison, once each; stc while neither is named. */
class ConversionStallMailTest {

    private final DelegateExecution execution = mock(DelegateExecution.class);

    @Test
    void shouldMailTheManagerAndTheLiaison() {
        when(execution.getVariable(TECHNOLOGY_MANAGER)).thenReturn("sjtu-manager");
        when(execution.getVariable(DISTRICT_LIAISON)).thenReturn("stc-officer");

        assertThat(StallWatch.stallMailTo(execution)).isEqualTo("sjtu-manager,stc-officer");
    }

    @Test
    void shouldMailOneUserOnceWhenTheyAreBoth() {
        when(execution.getVariable(TECHNOLOGY_MANAGER)).thenReturn("stc-officer");
        when(execution.getVariable(DISTRICT_LIAISON)).thenReturn("stc-officer");

        assertThat(StallWatch.stallMailTo(execution)).isEqualTo("stc-officer");
    }

    @Test
    void shouldMailStcWhileNeitherIsNamed() {
        when(execution.getVariable(TECHNOLOGY_MANAGER)).thenReturn(null);
        when(execution.getVariable(DISTRICT_LIAISON)).thenReturn(" ");

        assertThat(StallWatch.stallMailTo(execution)).isEqualTo("stc");
    }
}
