package io.github.solarwire.mqtt;

import java.lang.reflect.Method;

/**
 * Measures the bytes the current thread allocates, through HotSpot's {@code
 * com.sun.management.ThreadMXBean}. Reached by reflection because the tests are compiled inside
 * the module, which does not read {@code java.management}; they run on the class path.
 */
final class Allocations {

    /** Something to measure. */
    interface Work {
        void run() throws Exception;
    }

    private Allocations() {}

    static long measure(Work work) throws Exception {
        Object bean = Class.forName("java.lang.management.ManagementFactory")
                .getMethod("getThreadMXBean")
                .invoke(null);
        Method allocated =
                Class.forName("com.sun.management.ThreadMXBean").getMethod("getThreadAllocatedBytes", long.class);
        long thread = Thread.currentThread().getId();
        long before = (long) allocated.invoke(bean, thread);
        work.run();
        long after = (long) allocated.invoke(bean, thread);
        if (before < 0 || after < 0) {
            throw new AssertionError("this JVM does not measure allocations");
        }
        return after - before;
    }
}
