/*
 * Rapaio Jupyter Kernel 3.0.1's LoopThread (MIT licence, Copyright 2023 Aurelian Tutuianu; see LICENCE
 * beside tools/kernel/rapaio/) with one change, in start(): see tools/kernel/rapaio/README.md.
 */
package org.rapaio.jupyter.kernel.channels;

/**
 * Thread which runs in loop the loop body after each waiting period.
 */
public final class LoopThread extends Thread {

    private volatile boolean running = false;
    private final long sleep;
    private final Runnable loopBody;

    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    @Override
    public void run() {
        while (running) {
            loopBody.run();
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                running = false;
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        // Changed: 3.0.1 sets the flag after super.start(). A new thread that reaches run() first
        // reads false and ends at once, silently: a shell, control or heartbeat channel that never
        // polls its socket (about 1 start in 25 of a LoopThread on a busy 2-CPU machine).
        running = true;
        super.start();
    }

    public void shutdown() {
        running = false;
    }
}
