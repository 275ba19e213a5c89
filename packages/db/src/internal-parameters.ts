/**
 * Internal parameters (Advanced Configuration) that exist on every system. The
 * value starts at the default; administrators may change the value, never the
 * name, default or description, which belong to this release.
 */
export interface TInternalParameterDefault {
  name: string;
  defaultValue: string;
  description: string;
}

export const INTERNAL_PARAMETER_DEFAULTS: readonly TInternalParameterDefault[] = [
  {
    name: 'icap_uri',
    defaultValue: 'avscan',
    description: 'The ICAP service path on the anti-virus server.',
  },
  {
    name: 'virus_header_name',
    defaultValue: 'X-Virus-Name,X-Infection-Found',
    description:
      'Response headers that carry the virus name, comma-separated; the name is ' +
      'read from Threat= when the header has that form.',
  },
  {
    name: 'icap_timeout_ms',
    defaultValue: '10000',
    description: 'Time limit in milliseconds for one scan request to the anti-virus server.',
  },
  {
    // RFC 3507 section 4.5: the server may answer 204 after the preview alone.
    name: 'icap_preview_bytes',
    defaultValue: '1024',
    description:
      'Bytes of the message sent as an ICAP preview before the rest; 0 sends no preview.',
  },
];
