import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../../api/api-error.ts';
import {
  resetInternalParameter,
  setInternalParameter,
  type TInternalParameter,
} from '../../../api/internal-parameters.ts';
import { refreshAfterWrite } from '../../../api/refresh-after-write.ts';

type TInternalParameterRowProps = {
  parameter: TInternalParameter;
  onSaved: (message: string) => void;
};

/** One parameter, its value edited in place, with Update and Reset to default. */
export function InternalParameterRow({ parameter, onSaved }: TInternalParameterRowProps) {
  const queryClient = useQueryClient();
  const [value, setValue] = useState(parameter.value);
  const change = useMutation({
    mutationFn: (action: 'update' | 'reset') =>
      action === 'update'
        ? setInternalParameter(parameter.name, value)
        : resetInternalParameter(parameter.name),
    // Here, not in mutate(): the refresh restarts this row (keyed by the stored value),
    // and mutate()'s callbacks do not run for a row that is gone.
    onSuccess: async (saved) => {
      await refreshAfterWrite(queryClient);
      onSaved(`${saved.name} is now ${saved.value}.`);
    },
  });
  const inputId = `parameter-${parameter.name}`;
  const errorId = `${inputId}-error`;
  const isDefault = parameter.value === parameter.defaultValue;

  return (
    <tr className={change.isError ? 'is-invalid' : undefined}>
      <th scope="row" className="mono parameter-name">
        <label htmlFor={inputId}>{parameter.name}</label>
      </th>
      <td>
        <input
          id={inputId}
          type="text"
          className="input--parameter"
          spellCheck={false}
          autoComplete="off"
          aria-invalid={change.isError ? true : undefined}
          aria-describedby={change.isError ? errorId : undefined}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && value !== parameter.value) change.mutate('update');
          }}
        />
        {change.isError && (
          <span id={errorId} className="field-error field-error--block" role="alert">
            {describeError(change.error)}
          </span>
        )}
      </td>
      <td className="mono">{parameter.defaultValue}</td>
      <td>{parameter.description}</td>
      <td className="parameter-actions">
        <button
          type="button"
          className="button button--small"
          disabled={change.isPending || value === parameter.value}
          aria-label={`Update ${parameter.name}`}
          onClick={() => change.mutate('update')}
        >
          Update
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={change.isPending || isDefault}
          aria-label={`Reset ${parameter.name} to default`}
          onClick={() => change.mutate('reset')}
        >
          Reset to default
        </button>
      </td>
    </tr>
  );
}
