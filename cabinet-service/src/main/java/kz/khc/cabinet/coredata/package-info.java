/**
 * Loading the company's core accounting data (clients, contracts, schedules, payments, write-offs, debts) from files and Kafka, idempotently.
 */
@NullMarked
package kz.khc.cabinet.coredata;

import org.jspecify.annotations.NullMarked;
