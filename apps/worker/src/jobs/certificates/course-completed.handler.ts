import { JobName, JobPayloads } from '@hocvu/contracts';
import { Injectable, Logger } from '@nestjs/common';

import { HandlesJob, JobHandler } from '../../queue/job-handler';
import { CertificateIssuer, IssueOutcome } from './certificate-issuer.service';

/**
 * `CourseCompleted` (relayed from the outbox): issue the enrolment's certificate. Redelivery, duplicate
 * events and concurrent workers all end in the one certificate the database allows per enrolment.
 */
@Injectable()
@HandlesJob(JobName.CourseCompleted)
export class CourseCompletedHandler implements JobHandler<typeof JobName.CourseCompleted> {
  private readonly logger = new Logger(CourseCompletedHandler.name);

  constructor(private readonly issuer: CertificateIssuer) {}

  async handle(event: JobPayloads[typeof JobName.CourseCompleted]): Promise<IssueOutcome> {
    const outcome = await this.issuer.issueForEnrolment(event.enrolmentId);
    if (outcome.outcome === 'issued')
      this.logger.log(`Issued ${outcome.serial} for enrolment ${event.enrolmentId}`);
    if (outcome.outcome === 'skipped') this.logger.warn(`No certificate: ${outcome.reason}`);
    return outcome;
  }
}
