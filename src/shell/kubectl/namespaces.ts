// kubectl create namespace and describe namespace (kubectl 1.18.4
// pkg/cmd/create/create_namespace.go, pkg/describe/versioned/describe.go).
import { namespaceObject } from '../../sim/components/namespaceLifecycle';
import type { Namespace } from '../../sim/objects';
import type { SimMs } from '../../sim/units';
import { describeOptions, tabwrite } from '../tabwriter';
import type { Verb } from './context';
import { failWith, outputFlag } from './context';
import { createAll } from './create';
import { annotationsMultiline, describeText, labelsMultiline } from './describeParts';
import { dryRunFlag, printClientObject, readDryRun, zeroTimestamp } from './dryRun';

export const createNamespaceVerb: Verb = {
  name: 'create namespace',
  flags: [
    outputFlag,
    dryRunFlag,
    { name: 'save-config', type: 'bool' },
    { name: 'validate', type: 'bool' },
    { name: 'template', type: 'string' },
  ],
  run(ctx) {
    if (ctx.args.length !== 1)
      return failWith(
        ctx,
        `error: exactly one NAME is required, got ${ctx.args.length}\nSee 'kubectl create namespace -h' for help and examples`,
      );
    const name = ctx.args[0] as string;
    const d = readDryRun(ctx);
    if (!d.ok) return failWith(ctx, d.error);
    if (d.dryRun === 'client') {
      // The generator's object: no finalizers, no phase (the server's strategy adds them).
      const wire = {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { ...zeroTimestamp(ctx), name },
        spec: {},
        status: {},
      };
      const printed = printClientObject(ctx, wire, `namespace/${name}`);
      return printed.ok ? ctx.io.exit(0) : failWith(ctx, printed.error);
    }
    createAll(ctx, [{ obj: namespaceObject(name, 0 as SimMs), source: '' }], createNamespaceVerb.flags);
  },
};

/**
 * describeNamespace: Name, Labels, Annotations, Status, then the namespace's quotas and
 * limit ranges — the lab has neither kind, so both lists are empty, as on a cluster
 * where nobody made any.
 */
export function describeNamespace(ns: Namespace): string {
  const lines = [
    `Name:\t${ns.metadata.name}`,
    ...labelsMultiline('Labels', ns.metadata.labels),
    ...annotationsMultiline('Annotations', ns.metadata.annotations),
    `Status:\t${ns.status.phase}`,
    '',
    'No resource quota.',
    '',
    'No LimitRange resource.',
  ];
  return tabwrite(describeText(lines), describeOptions);
}
