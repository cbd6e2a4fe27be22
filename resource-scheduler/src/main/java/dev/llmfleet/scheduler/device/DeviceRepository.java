package dev.llmfleet.scheduler.device;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DeviceRepository extends JpaRepository<Device, String> {

    List<Device> findByHost(String host);

    List<Device> findByLastReportAtAfter(Instant since);

    List<Device> findAllByOrderByHostAscIndexAsc();
}
