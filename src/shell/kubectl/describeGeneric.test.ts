// kubectl 1.18.4's generic describer (describe event, describe componentstatus):
// printUnstructuredContent's layout and smartLabelFor's names.
import { describe, expect, it } from 'vitest';
import { Session } from '../session';
import { runAt } from '../testing/drive';
import { camelSplit, smartLabel } from './describeGeneric';

const at = (s: Session, line: string) => runAt(s, 'm-k8s', line);

describe('smartLabelFor', () => {
  it('splits as github.com/fatih/camelcase does and keeps the common acronyms upper case', () => {
    // The package's own examples.
    expect(camelSplit('GolangPackage')).toEqual(['Golang', 'Package']);
    expect(camelSplit('PDFLoader')).toEqual(['PDF', 'Loader']);
    expect(camelSplit('Version2')).toEqual(['Version', '2']);
    expect(camelSplit('lowercase')).toEqual(['lowercase']);
    expect(smartLabel('apiVersion')).toBe('API Version');
    expect(smartLabel('uid')).toBe('UID');
    expect(smartLabel('involvedObject')).toBe('Involved Object');
    expect(smartLabel('kubernetes.io/x')).toBe('kubernetes.io/x');
  });
});

describe('kubectl describe of kinds without a describer', () => {
  it('describes a componentstatus field by field', () => {
    const s = new Session({ seed: 7 });
    expect(at(s, 'kubectl describe cs scheduler').stdout).toBe(
      [
        'Name:         scheduler',
        'Namespace:    ',
        'Labels:       <none>',
        'Annotations:  <none>',
        'API Version:  v1',
        'Conditions:',
        '  Message:  ok',
        '  Status:   True',
        '  Type:     Healthy',
        'Kind:       ComponentStatus',
        'Metadata:',
        '  Creation Timestamp:  <nil>',
        'Events:                <none>',
      ].join('\n'),
    );
  });

  it('describes an event, its nested maps indented and aligned block by block', () => {
    const s = new Session({ seed: 7 });
    const name = at(s, 'kubectl get events -o name').stdout.split('\n')[0]?.replace('event/', '') ?? '';
    const text = at(s, `kubectl describe event ${name}`).stdout;
    // What the real objects carry (h-objects: eventTime, managedFields, selfLink, the reporting fields) is printed too, as 1.18's generic describer prints every field.
    expect(text.split('\n')).toEqual([
      `Name:             ${name}`,
      'Namespace:        default',
      'Labels:           <none>',
      'Annotations:      <none>',
      'API Version:      v1',
      'Count:            1',
      'Event Time:       <nil>',
      'First Timestamp:  2020-07-06T00:31:00Z',
      'Involved Object:',
      '  Kind:          Node',
      '  Name:          m-k8s',
      '  UID:           m-k8s',
      'Kind:            Event',
      'Last Timestamp:  2020-07-06T00:31:00Z',
      'Message:         Starting kubelet.',
      'Metadata:',
      '  Creation Timestamp:  2020-07-06T00:31:00Z',
      '  Managed Fields:',
      '    API Version:  v1',
      '    Fields Type:  FieldsV1',
      '    fieldsV1:',
      '      f:count:',
      '      f:firstTimestamp:',
      '      f:involvedObject:',
      '        f:kind:',
      '        f:name:',
      '        f:uid:',
      '      f:lastTimestamp:',
      '      f:message:',
      '      f:reason:',
      '      f:source:',
      '        f:component:',
      '        f:host:',
      '      f:type:',
      '    Manager:          kubelet',
      '    Operation:        Update',
      '    Time:             2020-07-06T00:31:00Z',
      expect.stringMatching(/^ {2}Resource Version: {3}\d+$/),
      `  Self Link:          /api/v1/namespaces/default/events/${name}`,
      expect.stringMatching(/^ {2}UID: {16}[0-9a-f-]{36}$/),
      'Reason:               Starting',
      'Reporting Component:  ',
      'Reporting Instance:   ',
      'Source:',
      '  Component:  kubelet',
      '  Host:       m-k8s',
      'Type:         Normal',
      'Events:       <none>',
    ]);
  });
});
