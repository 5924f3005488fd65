// The published JSON Schema of a guided lesson — the one source of truth for what a
// lesson file may hold. public/lesson.schema.json is this object written out (a test
// keeps the two equal), and validate.ts checks files against it, so an editor with
// the schema and Podscope's error list agree. It mirrors types.ts; a test validates
// every built-in lesson with it, so the two cannot drift apart unnoticed.
import { faultCatalog } from '../../sim';

/** The book's lab: a lesson names only these hosts (the page's default of three workers). */
export const LAB_HOSTS = ['m-k8s', 'w1-k8s', 'w2-k8s', 'w3-k8s'] as const;

/** What validate.ts understands: a subset of JSON Schema 2020-12. */
export interface JsonSchema {
  readonly $schema?: string;
  readonly $id?: string;
  readonly $ref?: string;
  readonly $defs?: Readonly<Record<string, JsonSchema>>;
  readonly title?: string;
  readonly description?: string;
  readonly type?: 'object' | 'array' | 'string' | 'integer' | 'boolean';
  readonly enum?: readonly (string | number | boolean)[];
  readonly pattern?: string;
  readonly minLength?: number;
  readonly minItems?: number;
  readonly minimum?: number;
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: false;
  readonly items?: JsonSchema;
  /** Each branch's first `required` key picks it (a discriminated union, as Check is). */
  readonly oneOf?: readonly JsonSchema[];
}

const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` });
const text: JsonSchema = { type: 'string', minLength: 1 };
const closed = (
  description: string,
  required: readonly string[],
  properties: Record<string, JsonSchema>,
): JsonSchema => ({ description, type: 'object', additionalProperties: false, required, properties });

const checkBranches: readonly JsonSchema[] = [
  closed(
    "A pod by exact name shows this STATUS (kubectl's column), runs on this node, restarted at least so often.",
    ['pod'],
    {
      pod: text,
      namespace: text,
      status: text,
      node: ref('host'),
      restartsAtLeast: { type: 'integer', minimum: 0 },
    },
  ),
  closed(
    'Pods whose names start with podPrefix (with this STATUS): at least one, or exactly `count`.',
    ['podPrefix'],
    {
      podPrefix: text,
      namespace: text,
      status: text,
      count: { type: 'integer', minimum: 0 },
    },
  ),
  closed('No pod of that name exists any more.', ['podGone'], { podGone: text, namespace: text }),
  closed(
    "A node's Ready condition: 'True' (Ready), 'False' or 'Unknown' (NotReady). Quote it in YAML.",
    ['node', 'ready'],
    {
      node: ref('host'),
      ready: { enum: ['True', 'False', 'Unknown'] },
    },
  ),
  closed('At least this many nodes are Ready.', ['nodesReady'], {
    nodesReady: { type: 'integer', minimum: 0 },
  }),
  closed('A component of the diagram is in this state.', ['component', 'state'], {
    component: {
      type: 'string',
      pattern:
        '^(apiserver|etcd|controller-manager|scheduler|cni|coredns|(kubectl|kubelet|runtime|pods|kube-proxy)@[a-z0-9-]+)$',
    },
    state: { enum: ['running', 'stopped', 'failing'] },
  }),
  closed('A fault is in force (or not, with active: false).', ['fault'], {
    fault: ref('faultId'),
    target: ref('host'),
    active: { type: 'boolean' },
  }),
  closed('The student typed a line containing this text.', ['typed'], { typed: text, host: ref('host') }),
  closed('A typed line printed output containing this text.', ['printed'], {
    printed: text,
    host: ref('host'),
  }),
  closed('Every check holds.', ['all'], { all: { type: 'array', minItems: 1, items: ref('check') } }),
  closed('One of the checks holds.', ['any'], { any: { type: 'array', minItems: 1, items: ref('check') } }),
];

export const lessonSchema: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'lesson.schema.json',
  title: 'Podscope guided lesson',
  ...closed('', ['id', 'title', 'summary', 'steps'], {
    $schema: { type: 'string' },
    id: ref('id'),
    title: ref('localized'),
    summary: ref('localized'),
    lab: { description: "The lab the lesson starts from (default 'ready').", enum: ['ready', 'fresh'] },
    steps: { type: 'array', minItems: 1, items: ref('step') },
  }),
  description:
    'A lesson for Podscope: steps with narration in Korean and English, commands to type, faults to inject, predictions and the check that says a step is done.',
  $defs: {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
    localized: closed(
      'A text in Korean and English (plain text: nothing in it is interpreted).',
      ['ko', 'en'],
      {
        ko: text,
        en: text,
      },
    ),
    host: { enum: LAB_HOSTS },
    faultId: { enum: faultCatalog.map((f) => f.id) },
    command: closed('A command line for the student to type on a host.', ['host', 'line'], {
      host: ref('host'),
      line: text,
    }),
    fault: closed('A fault the step injects (or heals, with heal: true).', ['fault'], {
      fault: ref('faultId'),
      target: ref('host'),
      heal: { type: 'boolean' },
    }),
    prediction: closed(
      'A question asked before the step is revealed.',
      ['question', 'choices', 'answer', 'explain'],
      {
        question: ref('localized'),
        choices: { type: 'array', minItems: 2, items: ref('localized') },
        answer: { description: 'Index of the right choice, from 0.', type: 'integer', minimum: 0 },
        explain: ref('localized'),
      },
    ),
    step: closed('One step of the lesson.', ['id', 'title', 'narration'], {
      id: ref('id'),
      title: ref('localized'),
      narration: ref('localized'),
      commands: { type: 'array', items: ref('command') },
      faults: { type: 'array', items: ref('fault') },
      predict: ref('prediction'),
      really: ref('localized'),
      doneWhen: ref('check'),
    }),
    check: { description: 'What must be true of the lab for the step to be done.', oneOf: checkBranches },
  },
};
