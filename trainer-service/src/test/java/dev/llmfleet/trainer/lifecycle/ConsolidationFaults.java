package dev.llmfleet.trainer.lifecycle;

import dev.llmfleet.api.lifecycle.ConsolidationStep;
import dev.llmfleet.trainer.lifecycle.versions.ConsolidationListener;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A consolidation listener that fails, or waits, when a chosen step completes. */
@TestConfiguration(proxyBeanMethods = false)
public class ConsolidationFaults {

    @Bean
    public Injector consolidationFaultInjector() {
        return new Injector();
    }

    public static final class Injector implements ConsolidationListener {
        private volatile ConsolidationStep failAfter;
        private volatile ConsolidationStep holdAfter;
        private volatile CountDownLatch release = new CountDownLatch(0);

        public void failAfter(ConsolidationStep step) {
            this.failAfter = step;
        }

        /** Blocks the consolidation after {@code step} until {@link #release()}. */
        public void holdAfter(ConsolidationStep step) {
            this.release = new CountDownLatch(1);
            this.holdAfter = step;
        }

        public void release() {
            release.countDown();
        }

        public void reset() {
            failAfter = null;
            holdAfter = null;
            release.countDown();
        }

        @Override
        public void stepCompleted(ConsolidationStep step, String version) {
            if (step == holdAfter) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (step == failAfter) {
                throw new IllegalStateException("injected failure after " + step);
            }
        }
    }
}
