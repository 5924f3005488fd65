// kubectl run --expose --port=P: the pod, then a ClusterIP Service in front of it (run.go
// generateService, the service/v2 generator in 1.18 and 1.36 alike): port and targetPort P,
// the pod's labels as its selector, and the labels themselves only when --labels named them.
// The Service is printed as it is made, the pod at the end.
import type { KubeObject, Service } from '../../sim/objects';
import { wireShown } from '../labProfile';
import { labEpoch } from '../wallClock';
import { apiError, send } from './client';
import type { KubectlContext } from './context';
import { failWith } from './context';
import { createError, createRequest } from './create';
import type { DryRun } from './dryRun';
import { dryRunSuffix, printClientObject } from './dryRun';
import { service, serviceWire } from './expose';
import { flagString } from './flags';
import type { Plain } from './objectPrinter';
import { toJson, toYaml, wireObject } from './objectPrinter';

/** The Service run --expose builds for the pod `name`. */
export function exposedService(
  ctx: KubectlContext,
  name: string,
  port: number,
  labels: Record<string, string>,
): Service {
  const labelled = flagString(ctx.flags, 'labels') !== undefined;
  return service(
    ctx,
    name,
    'ClusterIP',
    [{ protocol: 'TCP', port, targetPort: port }],
    labels,
    labelled ? labels : undefined,
  );
}

/** -o of a client dry run: the Service, then the pod (yaml's printer puts two separators between). */
export function printExposedDryRun(ctx: KubectlContext, svc: Service, pod: Plain, name: string) {
  const output = flagString(ctx.flags, 'output');
  const first = printClientObject(ctx, serviceWire(ctx, svc, false), `service/${name}`);
  if (!first.ok) return failWith(ctx, first.error);
  if (output === 'yaml') ctx.io.out('---\n---');
  const second = printClientObject(ctx, pod, `pod/${name}`);
  return second.ok ? ctx.io.exit(0) : failWith(ctx, second.error);
}

function shown(ctx: KubectlContext, obj: KubeObject, label: string, d: DryRun): string {
  const output = flagString(ctx.flags, 'output');
  if (output === undefined) return `${label} created${dryRunSuffix(d)}`;
  if (output === 'name') return label;
  const wire = wireObject(obj, labEpoch(ctx.io.shell.world.cluster), wireShown(ctx.io.shell));
  return output === 'json' ? toJson(wire) : toYaml(wire).replace(/\n$/, '');
}

/** Creates the pod, then the Service; prints the Service's line, then the pod's. */
export function createExposed(ctx: KubectlContext, pod: KubeObject, svc: Service, d: DryRun): void {
  const name = pod.metadata.name;
  send(ctx.io, ctx.server, createRequest(pod, undefined, d), (res) => {
    if (!res.ok)
      return failWith(
        ctx,
        res.reason === 'ConnectionRefused' ? apiError(res, ctx.server) : createError(ctx, res, undefined),
      );
    const created = (res.object as KubeObject | undefined) ?? pod;
    send(ctx.io, ctx.server, createRequest(svc, undefined, d), (s) => {
      if (s.ok) ctx.io.out(shown(ctx, (s.object as KubeObject | undefined) ?? svc, `service/${name}`, d));
      ctx.io.out(shown(ctx, created, `pod/${name}`, d));
      if (s.ok) return ctx.io.exit(0);
      // run.go collects the Service's error and returns it after printing the pod.
      failWith(
        ctx,
        s.reason === 'ConnectionRefused' ? apiError(s, ctx.server) : createError(ctx, s, undefined),
      );
    });
  });
}
