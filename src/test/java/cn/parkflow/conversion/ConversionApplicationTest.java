package cn.parkflow.conversion;

import cn.parkflow.support.MailingApplicationTest;

/**
 * The application on PostgreSQL with a real SMTP server (GreenMail) for the conversion's HTTP tests;
 * one Spring context shared by them.
 */
abstract class ConversionApplicationTest extends MailingApplicationTest {
}
