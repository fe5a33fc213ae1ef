/**
 * The rollout history of a Deployment: revisions newest first with their CHANGE-CAUSE and
 * ReplicaSet, undo's renumbering ("revision 2 is now revision 4"), and a diff of the pod templates of
 * any two revisions.
 */
import { useMemo, useState } from "react";
import { useApp, useT } from "../use-app";
import { diffLines } from "./diff";
import { deploymentNames, type RevisionRow, revisionRows } from "./model";

/** A labelled choice of revision. */
function RevisionSelect(props: {
  label: string;
  revisions: number[];
  value: number;
  onChange(r: number): void;
}) {
  return (
    <label>
      {props.label}{" "}
      <select value={props.value} onChange={(e) => props.onChange(Number(e.target.value))}>
        {props.revisions.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
    </label>
  );
}

function Diff({ rows }: { rows: RevisionRow[] }) {
  const t = useT();
  const revisions = rows.map((r) => r.revision);
  const [from, setFrom] = useState<number | undefined>(undefined);
  const [to, setTo] = useState<number | undefined>(undefined);
  const a = rows.find((r) => r.revision === from) ?? rows[1];
  const b = rows.find((r) => r.revision === to) ?? rows[0];
  const fromYaml = a?.templateYaml;
  const toYaml = b?.templateYaml;
  const lines = useMemo(
    () => (fromYaml !== undefined && toYaml !== undefined ? diffLines(fromYaml, toYaml) : []),
    [fromYaml, toYaml],
  );
  if (!a || !b) return null;
  const changed = lines.some((l) => l.kind !== "same");
  return (
    <div className="diff">
      <div className="diff-pick">
        <RevisionSelect label={t("diffFrom")} revisions={revisions} value={a.revision} onChange={setFrom} />
        <RevisionSelect label={t("diffTo")} revisions={revisions} value={b.revision} onChange={setTo} />
      </div>
      {changed ? (
        <pre className="diff-body">
          {lines.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: diff lines have no identity but their position
            <div key={i} className={`diff-${l.kind}`}>
              {l.kind === "added" ? "+ " : l.kind === "removed" ? "- " : "  "}
              {l.text}
            </div>
          ))}
        </pre>
      ) : (
        <p className="muted">{t("diffSame")}</p>
      )}
    </div>
  );
}

/** The history panel for the Deployments of the default namespace. */
export function HistoryPanel() {
  const app = useApp();
  const t = useT();
  const state = app.viewState;
  const deployments = state.objects.deployments;
  const replicaSets = state.objects.replicasets;
  // Revisions change only with Deployments and ReplicaSets, not with every pod or tick.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `state` is read only through these two maps
  const names = useMemo(() => deploymentNames(state, "default"), [deployments]);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const name = chosen && names.includes(chosen) ? chosen : names[0];
  // biome-ignore lint/correctness/useExhaustiveDependencies: `state` is read only through these two maps
  const rows = useMemo(
    () => (name ? revisionRows(state, "default", name) : []),
    [deployments, replicaSets, name],
  );
  if (!name) return <p className="muted">{t("noHistory")}</p>;
  return (
    <div className="history">
      {names.length > 1 ? (
        <select aria-label={t("deployment")} value={name} onChange={(e) => setChosen(e.target.value)}>
          {names.map((n) => (
            <option key={n}>{n}</option>
          ))}
        </select>
      ) : null}
      <table className="history-table">
        <thead>
          <tr>
            <th scope="col">REVISION</th>
            <th scope="col">{t("changeCause")}</th>
            <th scope="col">{t("replicaSet")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.replicaSet} className={r.current ? "current" : undefined} data-revision={r.revision}>
              <td>
                <b>{r.revision}</b>
                {r.current ? " ◀" : ""}
              </td>
              <td>
                <code>{r.changeCause ?? t("none")}</code>
                {r.formerRevisions.length > 0 ? (
                  <div className="renumbered">
                    {r.formerRevisions.map((old) => (
                      <span key={old}>{t("renumbered", { old, new: r.revision })}</span>
                    ))}
                  </div>
                ) : null}
              </td>
              <td>
                <code>{r.replicaSet}</code>
                <div className="muted">{r.images.join(", ")}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length >= 2 ? <Diff key={name} rows={rows} /> : null}
    </div>
  );
}
