/**
 * Consuming integration events: each processed once, failures to the dead-letter topic.
 */
@NullMarked
package kz.khc.scoring.messaging;

import org.jspecify.annotations.NullMarked;
