package dev.sioconf.suite.load;

import java.lang.management.ManagementFactory;

/** The CPU time this process has used, all threads (the JIT and the GC too): the load client's own cost. */
final class ProcessCpu {

    private ProcessCpu() {
    }

    /** Nanoseconds of CPU so far, or 0 where the JVM cannot say. */
    static long nanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }
}
