package dev.llmfleet.orchestrator.twin;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.llmfleet.api.errorbus.Severity;
import dev.llmfleet.api.orchestrator.Drift;
import dev.llmfleet.orchestrator.decision.DecisionLog;
import dev.llmfleet.starter.errors.ErrorReporter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

class DriftReportsTest {

    final DecisionLog decisions = mock(DecisionLog.class);
    final ErrorReporter errors = mock(ErrorReporter.class);
    final DriftReports reports = new DriftReports(decisions, provider(errors));

    final Drift down = new Drift("SERVICE_DOWN", "eb-1", "UP", "DOWN", Instant.EPOCH, "reported");
    final Drift stale = new Drift("VERSION_NOT_DEPLOYED", "inf-1", "v2", "v1", Instant.EPOCH, "reload");

    @Test
    void reportsADownServiceOnceForTheWholeEpisode() {
        reports.report(List.of(down));
        reports.report(List.of(down));
        reports.report(List.of(down));

        verify(errors, times(1)).event(eq(Severity.WARNING), eq("drift-service-down"), any());
        verify(decisions, times(1)).record(eq("DRIFT"), eq("eb-1"), eq("SERVICE_DOWN detected"), anyList(), any());
    }

    @Test
    void reportsTheEndOfAnEpisodeAndANewOneAfterIt() {
        reports.report(List.of(down));
        reports.report(List.of());
        reports.report(List.of(down));

        verify(errors).event(eq(Severity.INFO), eq("drift-cleared"), any());
        verify(decisions).record(eq("DRIFT"), eq("eb-1"), eq("SERVICE_DOWN cleared"), anyList(), any());
        verify(errors, times(2)).event(eq(Severity.WARNING), eq("drift-service-down"), any());
    }

    @Test
    void leavesVersionDriftToReconciliation() {
        reports.report(List.of(stale));

        verify(errors, never()).event(any(), any(), any());
        verify(decisions, never()).record(any(), any(), any(), anyList(), any());
    }

    @SuppressWarnings("unchecked")
    private static ObjectProvider<ErrorReporter> provider(ErrorReporter reporter) {
        ObjectProvider<ErrorReporter> provider = mock(ObjectProvider.class);
        given(provider.getIfAvailable()).willReturn(reporter);
        return provider;
    }
}
