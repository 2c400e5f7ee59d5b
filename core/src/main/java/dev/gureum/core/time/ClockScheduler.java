package dev.gureum.core.time;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs tasks when the cloud clock reaches their time. On the real clock it waits in real time; on a
 * manual clock a task runs only once the clock has been advanced past it, in due order, so an hour of
 * transitions happens the moment a test advances an hour. Tasks run on virtual threads.
 */
public final class ClockScheduler implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ClockScheduler.class.getName());

    private record Entry(Instant due, long sequence, Runnable task) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int byTime = due.compareTo(other.due);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private final CloudClock clock;
    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final AtomicLong sequence = new AtomicLong();
    private final ExecutorService runner = Executors.newVirtualThreadPerTaskExecutor();
    private final Thread worker;
    private volatile boolean open = true;

    public ClockScheduler(CloudClock clock) {
        this.clock = clock;
        clock.onAdvance(this::wake);
        this.worker = Thread.ofPlatform().daemon().name("gureum-clock-scheduler").start(this::loop);
    }

    public CloudClock clock() {
        return clock;
    }

    public void schedule(Duration delay, Runnable task) {
        scheduleAt(clock.now().plus(delay), task);
    }

    /** Runs {@code task} once the clock reaches {@code due} (at once if it has already passed). */
    public void scheduleAt(Instant due, Runnable task) {
        lock.lock();
        try {
            queue.add(new Entry(due, sequence.incrementAndGet(), task));
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    private void wake() {
        lock.lock();
        try {
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (open) {
            lock.lock();
            try {
                Entry next = queue.peek();
                Instant now = clock.now();
                if (next != null && !next.due().isAfter(now)) {
                    queue.poll();
                    runner.execute(() -> run(next.task()));
                } else if (next == null || clock.isManual()) {
                    changed.await();
                } else {
                    changed.awaitNanos(Math.max(1, Duration.between(now, next.due()).toNanos()));
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "a scheduled task failed", e);
        }
    }

    @Override
    public void close() {
        open = false;
        worker.interrupt();
        runner.shutdown();
        try {
            runner.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
