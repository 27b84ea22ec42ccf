// "Add to today's route" for one physician of a target list: one click puts their office on the
// liaison's plan for today (re-solved and saved by the server), then links to the planned day.
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { useAddToRoute } from './api';

export function AddToRouteButton({
  npi,
  name,
  label = "Add to today's route",
  className = 'btn btn-ghost',
}: {
  npi: string;
  name: string;
  label?: string;
  className?: string;
}) {
  const add = useAddToRoute();
  const r = add.data;
  const misfit = r?.notFitting.find((x) => x.npi === npi);
  return (
    <span className="add-to-route">
      <button
        type="button"
        className={className}
        disabled={add.isPending}
        aria-label={`Add ${name} to today's route`}
        onClick={() => add.mutate([npi])}
      >
        {add.isPending ? 'Adding…' : label}
      </button>
      {r ? (
        <span role="status" className="muted">
          {' '}
          {misfit
            ? `Added to today’s plan but left out: ${misfit.office} — ${misfit.reasonText}`
            : r.added.length
              ? 'On today’s route'
              : r.alreadyOnRoute.length
                ? 'Already on today’s route'
                : 'Not added'}{' '}
          ({r.plan.totals.stops} of {r.plan.totals.planned} stops fit the day) ·{' '}
          <Link to={`/routes?date=${r.plan.date}`}>Open route</Link>
        </span>
      ) : null}
      {add.error ? (
        <span role="alert" className="error">
          {' '}
          {errorMessage(add.error)}
        </span>
      ) : null}
    </span>
  );
}
