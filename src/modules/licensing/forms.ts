import type { FastifyInstance, FastifyRequest } from 'fastify';
import { snapshot } from '#src/modules/improvement/record.ts';
import { addMonths } from '#src/modules/improvement/rules/calendar.ts';
import { todayInLondon } from '#src/modules/powers/present.ts';
import { dayBefore } from '#src/modules/powers/rules/dates.ts';
import { HttpError } from '#src/web/errors.ts';
import { formRoute } from '#src/web/form-route.ts';
import { actor, labels, licensingBase, options, paramId, queryValue, VIEWS } from './present.ts';
import { findHolders, holderOf, licenceOf } from './record.ts';
import { statusOn } from './rules/gate.ts';
import { requiredChecks } from './rules/requirements.ts';
import { checkPositions } from './rules/standing.ts';
import {
  BARRED_LISTS,
  CHECK_KINDS,
  CHECK_OUTCOMES,
  HOLDER_KINDS,
  LICENCE_KINDS,
  VEHICLE_CHECK_RESULTS,
} from './rules/types.ts';
import {
  addHolder,
  applyForLicence,
  attemptLicence,
  recordCheck,
  recordVehicleCheck,
  refuseApplication,
} from './service.ts';
import {
  checkInput,
  gateInput,
  holderInput,
  licenceInput,
  refusalInput,
  vehicleCheckInput,
} from './validation.ts';

/** Vehicles a vehicle check can be recorded for from the form's list. */
const VEHICLES_LISTED = 5000;

/** How long a licence granted or renewed runs by default: three years for a driver, one for a vehicle or operator. */
const TERM_YEARS = { driver: 3, vehicle: 1, operator: 5 } as const;

/** The forms of the Licensing module's holders: holders, applications, checks, the gate, refusals and vehicle checks. */
export async function licensingForms(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;
  const councilId = (request: FastifyRequest) => request.council?.id ?? '';
  const holderUrl = (request: FastifyRequest, holderId: string) =>
    `${licensingBase(request)}/holders/${holderId}?saved=1`;

  const loadHolder = async (request: FastifyRequest) => {
    const holderId = paramId(request, 'holderId', 'licence holder');
    const record = await snapshot(db(), (tx) => holderOf(tx, councilId(request), holderId));
    if (!record) throw new HttpError(404, 'There is no such licence holder.');
    return { record, holder: record.holder, base: licensingBase(request), labels };
  };

  const loadLicence = async (request: FastifyRequest) => {
    const licenceId = paramId(request, 'licenceId', 'licence');
    const found = await snapshot(db(), async (tx) => {
      const licence = await licenceOf(tx, councilId(request), licenceId);
      return licence && { licence, record: await holderOf(tx, councilId(request), licence.holderId) };
    });
    if (!found?.record) throw new HttpError(404, 'There is no such licence.');
    return {
      ...found,
      record: found.record,
      holder: found.record.holder,
      base: licensingBase(request),
      labels,
    };
  };

  formRoute(app, {
    path: '/councils/:gss/licensing/holders/new',
    action: 'licensing:manage',
    template: `${VIEWS}/holder-new.njk`,
    schema: holderInput,
    fields: ['kind', 'name', 'dateOfBirth'],
    load: async (request) => ({
      base: licensingBase(request),
      kinds: options(HOLDER_KINDS, labels.holderKind),
    }),
    context: (loaded) => loaded,
    save: async (tx, request, input) => {
      const holder = await addHolder(tx, councilId(request), input, actor(request));
      return holderUrl(request, holder.id);
    },
  });

  formRoute(app, {
    path: '/councils/:gss/licensing/holders/:holderId/licences/new',
    action: 'licensing:manage',
    template: `${VIEWS}/licence-new.njk`,
    schema: licenceInput,
    fields: ['number', 'kind', 'appliedOn', 'conditions'],
    load: async (request) => {
      const loaded = await loadHolder(request);
      const fits = LICENCE_KINDS.filter((k) =>
        loaded.holder.kind === 'driver'
          ? k.endsWith('_driver')
          : loaded.holder.kind === 'vehicle'
            ? k.endsWith('_vehicle')
            : k === 'private_hire_operator',
      );
      return { ...loaded, kinds: options(fits, labels.licenceKind) };
    },
    context: (loaded) => loaded,
    start: () => ({ appliedOn: todayInLondon() }),
    save: async (tx, request, input, loaded) => {
      await applyForLicence(tx, councilId(request), loaded.holder.id, input, actor(request));
      return holderUrl(request, loaded.holder.id);
    },
  });

  formRoute(app, {
    path: '/councils/:gss/licensing/holders/:holderId/checks/new',
    action: 'licensing:manage',
    template: `${VIEWS}/check-new.njk`,
    schema: checkInput,
    fields: ['kind', 'doneOn', 'outcome', 'certificateNumber', 'barredLists', 'course', 'validUntil'],
    load: async (request) => ({
      ...(await loadHolder(request)),
      kinds: options(CHECK_KINDS, labels.check),
      outcomes: options(CHECK_OUTCOMES, labels.checkOutcome),
      barredLists: BARRED_LISTS.map((value) => ({
        value,
        text: value === 'children' ? 'Children’s barred list' : 'Adults’ barred list',
      })),
    }),
    context: (loaded) => loaded,
    start: (request) => ({ kind: queryValue(request, 'kind') }),
    save: async (tx, request, input, loaded) => {
      await recordCheck(tx, councilId(request), loaded.holder.id, input, todayInLondon(), actor(request));
      return holderUrl(request, loaded.holder.id);
    },
  });

  formRoute(app, {
    path: '/councils/:gss/licensing/licences/:licenceId/gate',
    action: 'licensing:manage',
    template: `${VIEWS}/gate.njk`,
    schema: gateInput,
    load: loadLicence,
    context: (loaded, request) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const posted = typeof body.on === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(body.on) ? body.on : null;
      const on = posted ?? todayInLondon();
      return {
        ...loaded,
        on,
        statusOnDate: statusOn(loaded.licence, on),
        positions: checkPositions(
          requiredChecks([loaded.licence.kind]),
          loaded.record.checks,
          loaded.holder.dateOfBirth,
          on,
        ),
      };
    },
    start: (_request, loaded) => {
      const on = todayInLondon();
      const renewing = loaded.licence.status !== 'application';
      const months = 12 * TERM_YEARS[loaded.holder.kind];
      // A renewal before the licence ends runs on from its end; otherwise the term starts today.
      const current =
        renewing && loaded.licence.endOn && loaded.licence.endOn >= on ? loaded.licence.endOn : null;
      return {
        action: renewing ? 'renew' : 'grant',
        on,
        endOn: current ? addMonths(current, months) : dayBefore(addMonths(on, months)),
      };
    },
    save: async (tx, request, input, loaded) => {
      const outcome = await attemptLicence(
        tx,
        councilId(request),
        loaded.licence.id,
        input.action,
        input.on,
        input.endOn,
        actor(request),
      );
      if (outcome.decision.allowed) return holderUrl(request, loaded.holder.id);
      return {
        refused: [
          {
            field: 'licence',
            message: `${outcome.heading}. The attempt is recorded; nothing else has changed.`,
          },
          ...outcome.decision.problems,
        ],
      };
    },
  });

  formRoute(app, {
    path: '/councils/:gss/licensing/licences/:licenceId/refuse',
    action: 'licensing:manage',
    template: `${VIEWS}/refuse.njk`,
    schema: refusalInput,
    fields: ['refusedOn', 'reasons'],
    load: loadLicence,
    context: (loaded) => loaded,
    start: () => ({ refusedOn: todayInLondon() }),
    save: async (tx, request, input, loaded) => {
      await refuseApplication(tx, councilId(request), loaded.licence.id, input, actor(request));
      return holderUrl(request, loaded.holder.id);
    },
  });

  formRoute(app, {
    path: '/councils/:gss/licensing/vehicle-checks/new',
    action: 'licensing:manage',
    template: `${VIEWS}/vehicle-check-new.njk`,
    schema: vehicleCheckInput,
    fields: ['holderId', 'checkedOn', 'announced', 'result', 'notes'],
    load: async (request) => {
      const vehicles = await snapshot(db(), (tx) =>
        findHolders(tx, councilId(request), { name: null, kind: 'vehicle' }, VEHICLES_LISTED),
      );
      return {
        base: licensingBase(request),
        vehicles: vehicles.rows.map((v) => ({ value: v.id, text: v.name })),
        results: options(VEHICLE_CHECK_RESULTS, labels.vehicleResult),
      };
    },
    context: (loaded) => loaded,
    start: (request) => ({ holderId: queryValue(request, 'holderId'), checkedOn: todayInLondon() }),
    save: async (tx, request, input) => {
      await recordVehicleCheck(tx, councilId(request), input, todayInLondon(), actor(request));
      return `${licensingBase(request)}/vehicle-checks?saved=1`;
    },
  });
}
