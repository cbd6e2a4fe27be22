package dev.llmfleet.scheduler.vram;

import dev.llmfleet.api.scheduler.VramEstimate;
import dev.llmfleet.api.scheduler.VramEstimateRequest;
import dev.llmfleet.scheduler.SchedulerProperties;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * VRAM estimates: the formula, corrected per model by the mean ratio of reported peak to formula
 * over the model's latest finished runs.
 */
@Service
public class VramService {

    private final VramObservationRepository observations;
    private final SchedulerProperties.Vram settings;
    private final Clock clock;

    public VramService(VramObservationRepository observations, SchedulerProperties properties, Clock clock) {
        this.observations = observations;
        this.settings = properties.vram();
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public VramEstimate estimate(VramEstimateRequest run) {
        VramFormula formula = VramFormula.of(run);
        long formulaMb = formula.totalMb(settings.overheadMb());
        List<VramObservation> latest = run.model() == null
                ? List.of()
                : observations.findByModelOrderByIdDesc(run.model(), Limit.of(settings.correctionWindow()));
        double correction = latest.isEmpty()
                ? 1.0
                : latest.stream().mapToDouble(VramObservation::ratio).average().orElse(1.0);
        return new VramEstimate(
                run.model(),
                formula.weightsMb(),
                formula.gradientsMb(),
                formula.optimizerMb(),
                formula.activationsMb(),
                settings.overheadMb(),
                formulaMb,
                correction,
                latest.size(),
                (long) Math.ceil(formulaMb * correction));
    }

    /** Records the peak a finished run of {@code model} reported against its formula estimate. */
    @Transactional
    public void recordPeak(String model, UUID jobId, long formulaMb, long peakMb) {
        if (model == null || formulaMb <= 0) {
            return;
        }
        observations.save(new VramObservation(model, jobId, formulaMb, peakMb, clock.instant()));
    }
}
