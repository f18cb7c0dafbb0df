/**
 * The local run's stand-ins for the providers outside the suite, run inside the launcher's JVM: the SMS provider
 * ({@link kz.khc.deploy.providers.SmsSimulator}, WireMock), the mail server ({@link kz.khc.deploy.providers.MailServer},
 * GreenMail), and the page on which a developer reads what they received ({@link kz.khc.deploy.providers.DevMailbox}).
 */
@NullMarked
package kz.khc.deploy.providers;

import org.jspecify.annotations.NullMarked;
