import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { Link, useLocation, useParams, type LoaderFunctionArgs } from 'react-router';
import { violationDetailQuery, type TViolationView } from '../../../api/violations.ts';
import { PropertyRow, PropertySection } from '../../../components/property-table.tsx';
import { formatTime } from '../../../format/format-time.ts';
import { VIOLATION_LIST_PATH, violationListPath } from './statistics-paths.ts';
import { ACTION_LABELS, recordedViolationLabel } from './violation-labels.ts';

function readSupportId(raw: string | undefined): string {
  return (raw ?? '').trim().toUpperCase();
}

export function violationDetailLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) =>
    queryClient.ensureQueryData(violationDetailQuery(readSupportId(params.supportId)));
}

function Missing({ text = 'none' }: { text?: string }) {
  return <span className="hint">{text}</span>;
}

function Mono({ value }: { value: string | null }) {
  return value ? <span className="mono">{value}</span> : <Missing />;
}

/** Everything recorded about one violation, as a support engineer needs it. */
export function ViolationDetailPage() {
  const supportId = readSupportId(useParams().supportId);
  const record = useSuspenseQuery(violationDetailQuery(supportId)).data;
  const state: unknown = useLocation().state;
  const listSearch = (state as { listSearch?: string } | null)?.listSearch ?? '';

  return (
    <section className="property-form">
      <ViolationSection record={record} />
      <SessionSection record={record} />
      <TranscriptSection record={record} />
      <div className="form-buttons">
        <Link className="button" to={`${VIOLATION_LIST_PATH}${listSearch}`}>Back to list</Link>
        <Link className="button" to={violationListPath({ clientAddress: record.clientAddress })}>
          Violations from {record.clientAddress}
        </Link>
      </div>
    </section>
  );
}

function ViolationSection({ record }: { record: TViolationView }) {
  return (
    <PropertySection title="Violation">
      <PropertyRow label="Time">{formatTime(record.time)}</PropertyRow>
      <PropertyRow label="Support ID"><Mono value={record.supportId} /></PropertyRow>
      <PropertyRow label="Violation">
        <span>{recordedViolationLabel(record.violation)}</span>
        <span className="hint mono">{record.violation}</span>
      </PropertyRow>
      <PropertyRow label="Action">{ACTION_LABELS[record.action]}</PropertyRow>
      <PropertyRow label="Command"><Mono value={record.command} /></PropertyRow>
      <PropertyRow label="Reply"><Mono value={record.reply} /></PropertyRow>
      {record.details?.note && <PropertyRow label="Note">{record.details.note}</PropertyRow>}
    </PropertySection>
  );
}

function SessionSection({ record }: { record: TViolationView }) {
  return (
    <PropertySection title="Session">
      <PropertyRow label="Protocol">{record.protocol}</PropertyRow>
      <PropertyRow label="Virtual Server">{record.virtualServer}</PropertyRow>
      <PropertyRow label="Service Profile">{record.serviceProfile}</PropertyRow>
      <PropertyRow label="Security Profile">{record.securityProfile}</PropertyRow>
      <PropertyRow label="Client Address"><Mono value={record.clientAddress} /></PropertyRow>
      <PropertyRow label="Client Port">{record.clientPort}</PropertyRow>
      <PropertyRow label="HELO"><Mono value={record.helo} /></PropertyRow>
      <PropertyRow label="Sender (MAIL FROM)"><Mono value={record.mailFrom} /></PropertyRow>
      <PropertyRow label="Recipients (RCPT TO)">
        {record.rcptTo.length === 0 ? <Missing /> : (
          <ul className="plain-list mono">
            {record.rcptTo.map((recipient) => <li key={recipient}>{recipient}</li>)}
          </ul>
        )}
      </PropertyRow>
      <PropertyRow label="Worker"><Mono value={record.workerId} /></PropertyRow>
    </PropertySection>
  );
}

function TranscriptSection({ record }: { record: TViolationView }) {
  const transcript = record.details?.transcript;

  if (!transcript || transcript.length === 0) return null;

  return (
    <PropertySection title="Transcript">
      <tr>
        <td colSpan={2} className="property-row__value">
          <pre className="transcript" aria-label="SMTP transcript">{transcript.join('\n')}</pre>
        </td>
      </tr>
    </PropertySection>
  );
}
