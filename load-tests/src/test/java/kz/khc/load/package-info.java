/**
 * The load tests' Gatling simulations (Java DSL), one per busy flow of the suite; deploy/load.sh prepares their data
 * and runs each against the gateway and against the service behind it ({@code kz.khc.deploy.bench.LoadTests}).
 */
@NullMarked
package kz.khc.load;

import org.jspecify.annotations.NullMarked;
