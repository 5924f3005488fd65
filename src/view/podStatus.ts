// A pod chip's colour class from kubectl's STATUS text (the text is always shown too,
// so colour is never the only cue).
export type PodTone = 'pending' | 'creating' | 'running' | 'terminating' | 'failed' | 'done';

export function podTone(status: string): PodTone {
  if (status === 'Running') return 'running';
  if (status === 'Pending') return 'pending';
  if (status === 'ContainerCreating' || status.startsWith('Init:') || status === 'PodInitializing')
    return 'creating';
  if (status === 'Terminating') return 'terminating';
  if (status === 'Completed' || status === 'Succeeded') return 'done';
  return 'failed';
}
