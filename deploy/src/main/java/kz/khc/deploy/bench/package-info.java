/**
 * The cabinet benchmark (issue 3): the suite on a separate data dir, 100,000 generated contracts loaded through the
 * core-data import, and schedule-page and contract-detail latencies measured through the gateway.
 */
@NullMarked
package kz.khc.deploy.bench;

import org.jspecify.annotations.NullMarked;
