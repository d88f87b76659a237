'use strict';
/*
 * Preloaded by bench/run into the node servers (node --expose-gc -r ./bench/gc-on-signal.js):
 * a full garbage collection on SIGUSR2, so that the harness reads a node server's RSS after a
 * collection, as it does for the JVM servers after `jcmd <pid> GC.run`. Nothing else changes;
 * the interop scripts themselves are run unmodified.
 */
if (typeof global.gc === 'function') {
  process.on('SIGUSR2', () => {
    global.gc();
  });
}
