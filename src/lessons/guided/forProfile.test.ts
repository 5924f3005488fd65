// A lesson written for the book's lab, as the second edition's lab has it (issue 18):
// its master's name everywhere, crictl where the book types docker, and what the
// lesson's own versions say; the book's lab gets the lesson exactly as written.
import { describe, expect, it } from 'vitest';
import { profiles } from '../../sim/profiles';
import { lessonForProfile, runtimeLine } from './forProfile';
import { guidedLessonFor, guidedLessons, guidedLessonVersions } from './lessons/index';
import type { GuidedLesson } from './types';

const written: GuidedLesson = {
  id: 'm-k8s-and-docker',
  title: { ko: 'm-k8s 에서', en: 'On m-k8s' },
  summary: { ko: 'kube-apiserver-m-k8s 를 봅니다.', en: 'Look at kube-apiserver-m-k8s.' },
  steps: [
    {
      id: 'look',
      title: { ko: '보기', en: 'Look' },
      narration: { ko: 'm-k8s 와 w2-k8s 에서 docker 로 봅니다.', en: 'Use docker on m-k8s and w2-k8s.' },
      commands: [
        { host: 'm-k8s', line: 'docker ps | grep kube-apiserver' },
        { host: 'w2-k8s', line: 'docker ps -a' },
        { host: 'm-k8s', line: 'docker images' },
        { host: 'm-k8s', line: 'ssh m-k8s hostname' },
      ],
      faults: [{ fault: 'kubelet', target: 'm-k8s' }],
      doneWhen: {
        all: [
          { typed: 'docker ps', host: 'm-k8s' },
          { pod: 'kube-apiserver-m-k8s', namespace: 'kube-system', node: 'm-k8s' },
          { any: [{ component: 'kubelet@m-k8s', state: 'stopped' }, { printed: 'm-k8s' }] },
        ],
      },
    },
    {
      id: 'other',
      title: { ko: '다른 단계', en: 'Another step' },
      narration: { ko: '그대로', en: 'As written' },
    },
  ],
};

describe('a lesson in the lab of a profile', () => {
  it('is the lesson as written in the book’s 1.18 lab', () => {
    expect(lessonForProfile(written, profiles['1.18'])).toEqual(written);
  });

  it('names cp-k8s and types crictl where the book types docker ps, in the 1.36 lab', () => {
    const l = lessonForProfile(written, profiles['1.36']);
    const step = l.steps[0];
    expect(l.id).toBe('m-k8s-and-docker');
    expect(l.title).toEqual({ ko: 'cp-k8s 에서', en: 'On cp-k8s' });
    expect(l.summary.en).toBe('Look at kube-apiserver-cp-k8s.');
    expect(step?.commands).toEqual([
      { host: 'cp-k8s', line: 'crictl ps | grep kube-apiserver' },
      { host: 'w2-k8s', line: 'crictl ps -a' },
      // No line of the profile's table starts so: typed as written (the lab says docker is not there).
      { host: 'cp-k8s', line: 'docker images' },
      { host: 'cp-k8s', line: 'ssh cp-k8s hostname' },
    ]);
    expect(step?.faults).toEqual([{ fault: 'kubelet', target: 'cp-k8s' }]);
    expect(step?.doneWhen).toEqual({
      all: [
        { typed: 'crictl ps', host: 'cp-k8s' },
        { pod: 'kube-apiserver-cp-k8s', namespace: 'kube-system', node: 'cp-k8s' },
        { any: [{ component: 'kubelet@cp-k8s', state: 'stopped' }, { printed: 'cp-k8s' }] },
      ],
    });
    // The narration's words other than the host are the lesson's: the runtime's name is a version's to say.
    expect(step?.narration.en).toBe('Use docker on cp-k8s and w2-k8s.');
    expect(l.steps[1]).toEqual(written.steps[1]);
  });

  it('takes a line of the runtime only when it starts with the whole command', () => {
    const p = profiles['1.36'];
    expect(runtimeLine('docker ps', p)).toBe('crictl ps');
    expect(runtimeLine('docker ps -a | grep nginx', p)).toBe('crictl ps -a | grep nginx');
    expect(runtimeLine('docker psx', p)).toBe('docker psx');
    expect(runtimeLine('sudo docker ps', p)).toBe('sudo docker ps');
    expect(runtimeLine('docker ps', profiles['1.18'])).toBe('docker ps');
  });

  it('says what the lesson’s versions say in that lab, and nothing of them in the other', () => {
    const book = guidedLessons.find((l) => l.id === 'kubelet-stop');
    const there = guidedLessonFor('kubelet-stop', profiles['1.36']);
    const here = guidedLessonFor('kubelet-stop', profiles['1.18']);
    expect(here).toEqual(book);
    const notReady = there?.steps.find((s) => s.id === 'not-ready');
    expect(notReady?.predict?.choices[1]).toEqual({ ko: '약 50초', en: 'About 50 s' });
    expect(notReady?.predict?.answer).toBe(1);
    expect(notReady?.really?.en).toContain('In the book’s 1.18 lab the default was 40 s.');
    expect(notReady?.commands).toEqual([
      { host: 'w2-k8s', line: 'systemctl stop kubelet' },
      { host: 'cp-k8s', line: 'kubectl get nodes' },
    ]);
    const stop = there?.steps.find((s) => s.id === 'stop-kubelet');
    expect(stop?.predict?.explain.en).toContain('containerd keeps running it');
    expect(stop?.predict?.question).toEqual(
      book?.steps.find((s) => s.id === 'stop-kubelet')?.predict?.question,
    );
  });

  it('has versions only for steps its lesson has', () => {
    for (const [id, versions] of Object.entries(guidedLessonVersions)) {
      const lesson = guidedLessons.find((l) => l.id === id);
      expect(lesson, id).toBeDefined();
      for (const v of Object.values(versions))
        for (const stepId of Object.keys(v?.steps ?? {}))
          expect(
            lesson?.steps.map((s) => s.id),
            `${id}.${stepId}`,
          ).toContain(stepId);
    }
  });

  it('leaves no m-k8s in a built-in lesson in the 1.36 lab', () => {
    for (const l of guidedLessons) {
      const there = guidedLessonFor(l.id, profiles['1.36']);
      expect(JSON.stringify(there), l.id).not.toMatch(/\bm-k8s\b/);
    }
  });
});
