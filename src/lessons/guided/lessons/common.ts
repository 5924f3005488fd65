// What the book's lessons share: the lab's hosts and the command lines the book
// types again and again, written once so every lesson types them the same way.
import { NGINX_POD_COMMAND } from '../../podCreate';
import type { GuidedLesson, GuidedStep, LessonCommand, Prediction } from '../types';

export { NGINX_POD_COMMAND };

export const NGINX_POD_DELETE = 'kubectl delete -f ~/_Book_k8sInfra/ch3/3.1.6/nginx-pod.yaml';
export const MANIFESTS = '/etc/kubernetes/manifests';

/** A command on the master, where the book types almost everything. */
export const onMaster = (line: string): LessonCommand => ({ host: 'm-k8s', line });
/** A command on a worker (the book's scenarios break w2-k8s; kubectl without a kubeconfig is tried on w3-k8s). */
export const on = (host: 'w1-k8s' | 'w2-k8s' | 'w3-k8s', line: string): LessonCommand => ({ host, line });

/** A lesson's step by id, for its versions to change one part of it (a prediction's explanation). */
export function stepOf(lesson: GuidedLesson, id: string): GuidedStep {
  const step = lesson.steps.find((s) => s.id === id);
  if (!step) throw new Error(`lesson ${lesson.id} has no step ${id}`);
  return step;
}

/** A prediction with some of its parts said otherwise (a version's explanation, one choice). */
export function predictionOf(step: GuidedStep, change: Partial<Prediction>): Prediction {
  if (!step.predict) throw new Error(`step ${step.id} asks nothing`);
  return { ...step.predict, ...change };
}
