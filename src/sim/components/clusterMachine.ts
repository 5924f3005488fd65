// The actor system: one root that spawns every component process as a child
// registered under its component id, all on the same virtual clock.
import { enqueueActions, setup } from 'xstate';
import type { ProcessInput } from './processMachine';
import { processMachine } from './processMachine';

export interface ClusterMachineInput {
  readonly processes: readonly { readonly id: string; readonly input: ProcessInput }[];
}

export const clusterMachine = setup({
  types: { input: {} as ClusterMachineInput, context: {} as ClusterMachineInput },
  actors: { process: processMachine },
  actions: {
    spawnProcesses: enqueueActions(({ context, enqueue }) => {
      for (const p of context.processes)
        enqueue.spawnChild('process', { id: p.id, systemId: p.id, input: p.input });
    }),
  },
}).createMachine({
  id: 'cluster',
  context: ({ input }) => input,
  entry: 'spawnProcesses',
});
