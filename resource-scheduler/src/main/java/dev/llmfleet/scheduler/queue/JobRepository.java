package dev.llmfleet.scheduler.queue;

import dev.llmfleet.api.scheduler.JobState;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface JobRepository extends JpaRepository<Job, UUID>, JpaSpecificationExecutor<Job> {

    @Query(value = """
                    SELECT * FROM job
                    WHERE state IN ('LEASED', 'RUNNING') AND lease_expires_at <= :now
                    ORDER BY lease_expires_at
                    LIMIT :limit
                    FOR UPDATE SKIP LOCKED
                    """, nativeQuery = true)
    List<Job> lockExpiredLeases(Instant now, int limit);

    @Query(value = """
                    SELECT * FROM job
                    WHERE state IN ('LEASED', 'RUNNING') AND leased_host = :host
                    ORDER BY leased_at
                    FOR UPDATE
                    """, nativeQuery = true)
    List<Job> lockLeasesOfHost(String host);

    @Query(value = "SELECT nextval('job_queue_position_seq')", nativeQuery = true)
    long nextQueuePosition();

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select j from Job j where j.id = :id")
    Optional<Job> lockById(UUID id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select j from Job j where j.leaseId = :leaseId")
    Optional<Job> lockByLeaseId(UUID leaseId);

    List<Job> findByStateAndLeasedHostOrderByLeasedAt(JobState state, String host);

    List<Job> findByStateAndLeasedHostAndLeasedDeviceOrderByLeasedAt(JobState state, String host, String device);

    List<Job> findByStateInOrderByLeasedAt(Collection<JobState> states);

    List<Job> findByStateOrderByFinishedAtDesc(JobState state, Limit limit);

    long countByState(JobState state);

    @Query("select j.priority, j.state, count(j) from Job j group by j.priority, j.state")
    List<Object[]> countByPriorityAndState();
}
