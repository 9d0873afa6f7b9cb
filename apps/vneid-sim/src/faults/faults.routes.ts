import type { FastifyInstance } from 'fastify';

import { sendError } from '../http/error-body';
import type { FaultInjector } from './fault-injector';
import { parseFaultSettings } from './fault-settings';

/** GET/PUT /admin/faults: read or replace the fault profile at run time (a PUT's omissions mean "no fault"). */
export function faultRoutes(app: FastifyInstance, faults: FaultInjector): void {
  const describe = () => ({ ...faults.settings, maintenanceActive: faults.maintenance().active });

  app.get('/admin/faults', describe);

  app.put('/admin/faults', async (request, reply) => {
    const parsed = parseFaultSettings(request.body);
    if ('problems' in parsed) {
      return sendError(reply, 400, 'INVALID_FAULTS', parsed.problems.join('; '), {
        problems: parsed.problems,
      });
    }
    faults.replace(parsed.settings);
    request.log.info({ faults: parsed.settings }, 'fault profile changed');
    return describe();
  });
}
