package dev.llmfleet.model.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Settings PyTorch reads once, when DJL first starts its engine: they must be applied before any
 * NDManager exists, which is why services call {@link #start} from their start-up path.
 */
public final class NativeRuntime {

    private NativeRuntime() {}

    /** Thread counts for PyTorch's intra- and inter-op pools, and no downloads at run time. */
    public static void configure(int intraOpThreads, int interOpThreads) {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.default_engine", "PyTorch");
        if (intraOpThreads > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(intraOpThreads));
        }
        if (interOpThreads > 0) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(interOpThreads));
        }
    }

    /**
     * Configures PyTorch and loads its native library now: the one place a service starts the
     * engine, at start-up, so that no later native call (a gradient switch, a tensor) can find the
     * library missing, whatever the first job is.
     */
    public static Engine start(int intraOpThreads, int interOpThreads) {
        configure(intraOpThreads, interOpThreads);
        return Engine.getEngine("PyTorch");
    }

    /**
     * A GPU when DJL sees one and the loaded PyTorch can use it, the CPU otherwise: the driver may
     * report a GPU while the native library on the class path is the CPU build.
     */
    public static Device preferredDevice() {
        if (Engine.getInstance().getGpuCount() == 0) {
            return Device.cpu();
        }
        try (NDManager probe = NDManager.newBaseManager(Device.gpu())) {
            probe.zeros(new Shape(1)).toFloatArray();
            return Device.gpu();
        } catch (RuntimeException cpuOnlyBuild) {
            return Device.cpu();
        }
    }
}
