/** Height-prediction benchmarks: DJL MRFED throughput against the same network in python3-torch. */
package dev.surveyor.bench.height;
