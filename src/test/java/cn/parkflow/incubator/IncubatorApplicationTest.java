package cn.parkflow.incubator;

import cn.parkflow.support.MailingApplicationTest;

/**
 * The application on PostgreSQL with a real SMTP server (GreenMail) for the incubator's HTTP tests;
 * one Spring context shared by the incubator's application tests.
 */
abstract class IncubatorApplicationTest extends MailingApplicationTest {
}
