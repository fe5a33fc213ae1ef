/**
 * The live picture of the namespace: each Deployment, the rollout's bounds while it runs, its
 * ReplicaSets newest first with their pods, and the Services with their endpoints. Draws the cluster
 * value being looked at (the present, or a moment in the past).
 */
import { useMemo } from "react";
import { useApp, useT } from "../use-app";
import { Legend } from "./Legend";
import { type LiveDeployment, type LivePod, type LiveReplicaSet, type LiveService, liveModel } from "./model";
import { PodTile } from "./PodTile";
import { STATE_LABEL_KEYS } from "./pod-state";

type T = ReturnType<typeof useT>;

function podTitle(t: T, p: LivePod): string {
  const restarts = p.restarts > 0 ? `, restarts ${p.restarts}` : "";
  return `${p.name}: ${t(STATE_LABEL_KEYS[p.state])} (${p.detail}${restarts})${p.ip ? ` ${p.ip}` : ""}`;
}

function Pods({ pods }: { pods: LivePod[] }) {
  const t = useT();
  return (
    <ul className="pods" aria-label={t("pods")}>
      {pods.map((p) => (
        <PodTile key={p.name} name={p.name} state={p.state} title={podTitle(t, p)} />
      ))}
    </ul>
  );
}

function ReplicaSetRow({ rs }: { rs: LiveReplicaSet }) {
  const t = useT();
  const idle = rs.desired === 0 && rs.pods.length === 0;
  return (
    <li className={`rs${idle ? " rs-idle" : ""}`} data-rs={rs.name}>
      <div className="rs-head">
        <span className="rs-name">{rs.name}</span>
        <span className="tag">
          {t("revision")} {rs.revision || "?"}
        </span>
        <span className="rs-image" title={t("image")}>
          {rs.images.join(", ")}
        </span>
      </div>
      <div className="rs-counts">
        <span>
          {t("desired")} <b>{rs.desired}</b>
        </span>
        <span>
          {t("current")} <b>{rs.current}</b>
        </span>
        <span>
          {t("ready")} <b>{rs.ready}</b>
        </span>
        <span>
          {t("available")} <b>{rs.available}</b>
        </span>
        <span className="rs-hash" title="pod-template-hash">
          {t("hash")} {rs.hash}
        </span>
      </div>
      <Pods pods={rs.pods} />
    </li>
  );
}

function Bounds({ d }: { d: LiveDeployment }) {
  const t = useT();
  const b = d.bounds;
  if (!b || d.phase !== "running") return null;
  const over = b.pods > b.maxPods;
  const under = b.available < b.minAvailable;
  return (
    <div className="bounds" role="status">
      <div className={over ? "bound bad" : "bound"}>
        <meter min={0} max={Math.max(b.maxPods, b.pods)} value={b.pods} aria-hidden="true" />
        {t("boundsSurge", { count: b.pods, max: b.maxPods, replicas: b.replicas, surge: b.surge })}
      </div>
      <div className={under ? "bound bad" : "bound"}>
        <meter min={0} max={Math.max(b.replicas, b.available)} value={b.available} aria-hidden="true" />
        {t("boundsUnavailable", {
          count: b.available,
          min: b.minAvailable,
          replicas: b.replicas,
          unavailable: b.unavailable,
        })}
      </div>
    </div>
  );
}

function ServiceRow({ svc }: { svc: LiveService }) {
  const t = useT();
  return (
    <div className="svc" data-service={svc.name}>
      <div>
        <b>
          {t("service")} {svc.name}
        </b>{" "}
        <code>
          {svc.clusterIP}:{svc.ports}
        </code>
      </div>
      <ul className="endpoints" aria-label={t("endpoints")}>
        {svc.ready.map((e) => (
          <li key={e.ip} className="ep ready" title={e.pod}>
            {e.ip}
          </li>
        ))}
        {svc.notReady.map((e) => (
          <li key={e.ip} className="ep not-ready" title={`${e.pod} (not ready)`}>
            {e.ip}
          </li>
        ))}
        {svc.ready.length === 0 ? <li className="ep none">{t("noEndpoints")}</li> : null}
      </ul>
    </div>
  );
}

const PHASE_KEY = {
  running: "rolloutRunning",
  complete: "rolloutComplete",
  paused: "rolloutPaused",
  stalled: "rolloutStalled",
} as const;

function DeploymentCard({ d }: { d: LiveDeployment }) {
  const t = useT();
  return (
    <article className={`deployment phase-${d.phase}`} data-deployment={d.name}>
      <header>
        <h3>
          {t("deployment")} {d.name}
        </h3>
        <span className={`phase phase-${d.phase}`}>{t(PHASE_KEY[d.phase])}</span>
        <span className="muted">
          {d.strategy}, {d.replicas} replicas
        </span>
      </header>
      <Bounds d={d} />
      <ul className="rs-list" aria-label={t("replicaSets")}>
        {d.replicaSets.map((rs) => (
          <ReplicaSetRow key={rs.name} rs={rs} />
        ))}
      </ul>
      {d.services.map((s) => (
        <ServiceRow key={s.name} svc={s} />
      ))}
    </article>
  );
}

/** The live view of the default namespace. */
export function LiveView() {
  const app = useApp();
  const t = useT();
  const state = app.viewState;
  const model = useMemo(() => liveModel(state), [state]);
  return (
    <section className="live" aria-label={t("liveView")}>
      <div className="panel-head">
        <h2>{t("liveView")}</h2>
        <Legend />
      </div>
      {model.deployments.length === 0 ? <p className="muted">{t("noDeployments")}</p> : null}
      {model.deployments.map((d) => (
        <DeploymentCard key={d.name} d={d} />
      ))}
      {model.loosePods.length > 0 ? (
        <div className="loose">
          <h3>{t("pods")}</h3>
          <Pods pods={model.loosePods} />
          <ul className="loose-names">
            {model.loosePods.map((p) => (
              <li key={p.name}>
                {p.name} ({t(STATE_LABEL_KEYS[p.state])})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
