//! Service start-up for `newsflow run`: the tokio runtime, the HTTP port,
//! signal handling, model loading on the blocking pool, then the worker.
//!
//! Order matters to an operator: the HTTP port is bound first (`/healthz`
//! 200, `/readyz` 503), then the models load while the port answers, then
//! the Kafka clients start. A signal while the models load exits cleanly.

use std::sync::Arc;

use tokio_util::sync::CancellationToken;

use super::{http, run_worker, Health, RuntimeError};
use crate::config::Config;
use crate::internal_events as ev;
use crate::pipeline::{build_pipeline, BuildError};

/// Why the service could not start (or stopped with an error).
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The tokio runtime could not be built.
    #[error("cannot start the async runtime: {0}")]
    Runtime(#[source] std::io::Error),
    /// `http.listen` cannot be bound.
    #[error(
        "cannot listen on http.listen = {addr:?} (choose a free address, or \"\" to serve no HTTP)"
    )]
    Listen {
        /// The configured address.
        addr: String,
        /// The bind error (shown after the message by the error chain).
        source: std::io::Error,
    },
    /// The stage list does not build (a model or store failed to load).
    #[error(transparent)]
    Pipeline(#[from] BuildError),
    /// Building the pipeline panicked (a bug).
    #[error("loading the pipeline panicked")]
    LoadPanicked,
    /// The Kafka clients could not be created.
    #[error(transparent)]
    Worker(#[from] RuntimeError),
}

/// The multi-threaded runtime the worker needs: at least four workers, since
/// a rebalance callback may block one while it drains.
pub fn tokio_runtime() -> Result<tokio::runtime::Runtime, ServiceError> {
    let workers = std::thread::available_parallelism()
        .map_or(4, std::num::NonZero::get)
        .max(4);
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers)
        .enable_all()
        .build()
        .map_err(ServiceError::Runtime)
}

/// Run the service until SIGTERM or SIGINT: bind HTTP, load the pipeline,
/// run the worker, drain. A second signal exits the process at once (130).
pub async fn serve(config: Config) -> Result<(), ServiceError> {
    let stop = CancellationToken::new();
    let health = Arc::new(Health::default());
    let http_task = if config.http.listen.is_empty() {
        None
    } else {
        let listener = tokio::net::TcpListener::bind(&config.http.listen)
            .await
            .map_err(|source| ServiceError::Listen {
                addr: config.http.listen.clone(),
                source,
            })?;
        ev::Lifecycle {
            what: "serving /metrics /healthz /readyz",
            detail: &config.http.listen,
        }
        .emit();
        Some(tokio::spawn(http::serve(
            listener,
            health.clone(),
            stop.clone(),
        )))
    };
    let signals = stop.clone();
    tokio::spawn(async move {
        wait_for_signal().await;
        ev::Lifecycle {
            what: "signal received: stopping fetch and draining (send again to exit at once)",
            detail: "",
        }
        .emit();
        signals.cancel();
        wait_for_signal().await;
        ev::SecondSignal.emit();
        std::process::exit(130);
    });
    // Models load on the blocking pool while /healthz already answers (and
    // /readyz says 503): a slow start is visible, not a dead port.
    let stages = config.pipeline.stages.clone();
    let timings = config.pipeline.stage_timings;
    let built = tokio::task::spawn_blocking(move || build_pipeline(&stages));
    let pipeline = tokio::select! {
        b = built => Arc::new(b.map_err(|_| ServiceError::LoadPanicked)??.with_stage_timings(timings)),
        () = stop.cancelled() => {
            ev::Lifecycle { what: "stopped while loading models", detail: "" }.emit();
            if let Some(t) = http_task {
                let _ = t.await;
            }
            return Ok(());
        }
    };
    run_worker(config, pipeline, stop.clone(), health).await?;
    stop.cancel();
    if let Some(t) = http_task {
        let _ = t.await;
    }
    Ok(())
}

async fn wait_for_signal() {
    use tokio::signal::unix::{signal, SignalKind};
    match (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
    ) {
        (Ok(mut term), Ok(mut int)) => {
            tokio::select! {
                _ = term.recv() => {}
                _ = int.recv() => {}
            }
        }
        _ => {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}
