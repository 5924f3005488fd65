// kubectl's ConfigMapDescriber (pkg/describe/describe.go): Name, Namespace, Labels, Annotations,
// then `Data` underlined with `====` and each key with its value under `----`, then the events.
// kubectl 1.22 added the BinaryData section, 1.31 a blank line after each value, 1.34 sorted the
// keys (the lab's profile: describe.configMapSections). 1.18.4 ranges over the Go map, so
// its keys come in a random order; the lab prints them sorted.
import type { ConfigMap } from '../../sim/objects';
import type { DescribeVersion } from '../../sim/profiles';
import { describeOptions, tabwrite } from '../tabwriter';
import { annotationsMultiline, describeText, labelsMultiline } from './describeParts';

export function describeConfigMap(
  cm: ConfigMap,
  events: readonly string[],
  version: DescribeVersion,
): string {
  const sections = version.configMapSections;
  const lines = [
    `Name:\t${cm.metadata.name}`,
    `Namespace:\t${cm.metadata.namespace ?? ''}`,
    ...labelsMultiline('Labels', cm.metadata.labels),
    ...annotationsMultiline('Annotations', cm.metadata.annotations),
    '',
    'Data',
    '====',
  ];
  const data = cm.data ?? {};
  for (const key of Object.keys(data).sort()) {
    lines.push(`${key}:`, '----', data[key] ?? '');
    if (sections) lines.push('');
  }
  if (sections) {
    lines.push('', 'BinaryData', '====');
    const binary = cm.binaryData ?? {};
    // binaryData is base64 on the wire; describe counts the bytes it decodes to.
    for (const key of Object.keys(binary).sort())
      lines.push(`${key}: ${atob(binary[key] ?? '').length} bytes`);
    lines.push('');
  }
  return tabwrite(describeText([...lines, ...events]), describeOptions);
}
