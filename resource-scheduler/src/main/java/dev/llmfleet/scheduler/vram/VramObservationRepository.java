package dev.llmfleet.scheduler.vram;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface VramObservationRepository extends JpaRepository<VramObservation, Long> {

    List<VramObservation> findByModelOrderByIdDesc(String model, Limit limit);
}
