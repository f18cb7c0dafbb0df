/**
 * Eligibility criteria and point rules of the housing programmes as data (DOMAIN E1–E8, S1–S3 and seed 004): each
 * programme's editions, parameters and rules come from {@code classpath:programmes/*.yml} and are evaluated by one
 * engine; an assessment says, for every rule, what it used, what it decided and why, in ru/kk/en.
 */
@NullMarked
package kz.khc.scoring.rules;

import org.jspecify.annotations.NullMarked;
