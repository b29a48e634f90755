// The live terminal list (listr2): a header with counts, then one row per config, or for big runs the running
// configs and the failures only. Driven by RunEvents alone; it draws on the stream it is given (stderr).
import {
  DefaultRenderer,
  Listr,
  ListrDefaultRendererLogLevels,
  ListrLogger,
  type ListrTask,
  type ListrTaskWrapper,
  ProcessOutput,
} from "listr2";
import { createPaint, isFailure, type Paint } from "../report/paint.js";
import type { RunEvent } from "../run/run-events.js";
import { cleanText } from "./clean-text.js";
import { createDeferred, type Deferred } from "./deferred.js";
import { createProgressModel, type ProgressRow } from "./progress-model.js";
import type { ProgressRenderer } from "./progress-renderer.js";
import { formatHeaderTitle, formatRowTitle, renderSegments } from "./row-titles.js";

/** The terminal to draw on; columns and rows size the list. */
export interface TerminalStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
}

export interface ListrRendererOptions {
  stream: TerminalStream;
  /** The camcops_server subcommand, shown in the header. */
  command: string;
  /** ANSI colour in titles and icons. */
  color: boolean;
  /** Clock for elapsed times (epoch ms). */
  now?: () => number;
  /** Most config rows shown one per config; larger runs show running rows and failures only. */
  maxRows?: number;
  /** How often elapsed times and newest lines are refreshed, ms; 0 turns the timer off (tests). */
  refreshMs?: number;
  /** Animated spinner (listr redraws every 100 ms); off, it redraws on changes only. */
  spinner?: boolean;
}

// listr2 chooses a fallback renderer when process.stdout is not a terminal (e.g. with --json), even though this
// list draws on stderr; our stream was already checked, so this renderer claims to work anywhere.
class StreamRenderer extends DefaultRenderer {
  static override nonTTY = true;
}

type Wrapper = ListrTaskWrapper<unknown, typeof StreamRenderer, typeof StreamRenderer>;
type Task = ListrTask<unknown, typeof StreamRenderer, typeof StreamRenderer>;

/** A config row's task and the promises events resolve for it. */
interface RowTask {
  /** Resolved when the config starts or finishes: until then its task stays in listr's waiting state. */
  gate: Deferred<void>;
  /** Resolved when the config has its final result. */
  done: Deferred<void>;
  wrapper: Wrapper | null;
  checks: number;
  title: string;
}

/** A multi-line task (compact mode) whose title is rebuilt from the model. */
interface BlockTask {
  wrapper: Wrapper | null;
  title: string;
}

/** Creates the listr2 renderer; the list appears with the plan event and ends with close(). */
export function createListrRenderer(options: ListrRendererOptions): ProgressRenderer {
  const { stream, command } = options;
  const paint = createPaint(options.color);
  const now = options.now ?? Date.now;
  const model = createProgressModel();
  const rowTasks = new Map<ProgressRow, RowTask>();
  const allDone = createDeferred<void>();
  const header: BlockTask = { wrapper: null, title: "" };
  const runningBlock: BlockTask = { wrapper: null, title: "" };
  const failureBlock: BlockTask = { wrapper: null, title: "" };
  const laterWarnings: string[] = [];
  let compact = false;
  let siteWidth = 0;
  let listrRun: Promise<unknown> | null = null;
  let timer: NodeJS.Timeout | null = null;

  const columns = (): number => Math.max(20, stream.columns ?? 80);
  const budget = (): number => options.maxRows ?? Math.max(5, (stream.rows ?? 24) - 4);

  /** Sets a task's title when it changed (every change redraws the list). */
  function setTitle(block: { wrapper: Wrapper | null; title: string }, title: string): void {
    if (block.title === title) return;
    block.title = title;
    if (block.wrapper) block.wrapper.title = title;
  }

  /** The header row's text. */
  function headerTitle(): string {
    const segments = formatHeaderTitle(command, model.counts(), model.interruptedBy, paint);
    return renderSegments(segments, columns() - 3);
  }

  /** A config row's text, cut to the terminal width. */
  function rowTitle(row: ProgressRow, width = columns() - 3): string {
    return renderSegments(formatRowTitle(row, now(), siteWidth, paint), width);
  }

  /** Compact mode: the running configs, newest first line being the block's own title. */
  function runningTitle(): string {
    const running = model.rows.filter((row) => row.state === "running");
    const counts = model.counts();
    const first = `running ${running.length}, waiting ${counts.waiting}`;
    const cap = Math.max(3, Math.floor((budget() * 2) / 3));
    const lines = running.slice(0, cap).map((row) => rowTitle(row, columns() - 5));
    if (running.length > cap) lines.push(paint.dim(`… and ${running.length - cap} more running`));
    return [first, ...lines].join("\n");
  }

  /** Compact mode: the failures so far, as many as fit. */
  function failureTitle(): string {
    const failed = model.rows.filter((row) => row.result && isFailure(row.result.result));
    if (failed.length === 0) return paint.dim("no failures");
    const cap = Math.max(2, budget() - Math.max(3, Math.floor((budget() * 2) / 3)) - 2);
    const lines = failed.slice(0, cap).map((row) => rowTitle(row, columns() - 5));
    if (failed.length > cap) lines.push(`… and ${failed.length - cap} more (all in the summary)`);
    return [paint.red(`${failed.length} failed`), ...lines].join("\n");
  }

  /** Brings every title up to date with the model and the clock. */
  function refresh(): void {
    setTitle(header, headerTitle());
    if (compact) {
      setTitle(runningBlock, runningTitle());
      setTitle(failureBlock, failureTitle());
      return;
    }
    for (const [row, task] of rowTasks) {
      if (task.wrapper && row.state === "running") setTitle(task, rowTitle(row));
    }
  }

  /** The task that carries the header: it ends when every config has a result. */
  function headerTask(): Task {
    return {
      title: headerTitle(),
      task: async (_ctx, wrapper) => {
        header.wrapper = wrapper;
        header.title = "";
        setTitle(header, headerTitle());
        await allDone.promise;
        setTitle(header, headerTitle());
        if (model.counts().failed > 0) throw new Error(header.title);
      },
    };
  }

  /** One config's task: waiting until its gate opens, then running until its result arrives. */
  function rowTask(row: ProgressRow): Task {
    const state: RowTask = {
      gate: createDeferred<void>(),
      done: createDeferred<void>(),
      wrapper: null,
      checks: 0,
      title: rowTitle(row),
    };
    rowTasks.set(row, state);
    return {
      title: state.title,
      // listr asks every task once before it starts any, then again just before starting it: answering the
      // second question only when the config starts keeps its row in listr's waiting state meanwhile.
      enabled: () => {
        state.checks += 1;
        if (state.checks === 1 || row.state !== "waiting") return true;
        return state.gate.promise.then(() => true);
      },
      task: async (_ctx, wrapper) => {
        state.wrapper = wrapper;
        state.title = "";
        setTitle(state, rowTitle(row));
        await state.done.promise;
        const title = rowTitle(row);
        if (row.result?.result === "skipped") {
          wrapper.skip(title);
          return;
        }
        setTitle(state, title);
        if (row.result === null || isFailure(row.result.result)) throw new Error(title);
      },
    };
  }

  /** Compact mode's two blocks: running configs and failures. */
  function blockTasks(): Task[] {
    return [
      {
        title: runningTitle(),
        task: async (_ctx, wrapper) => {
          runningBlock.wrapper = wrapper;
          runningBlock.title = "";
          setTitle(runningBlock, runningTitle());
          await allDone.promise;
          setTitle(runningBlock, "none running");
        },
      },
      {
        title: failureTitle(),
        task: async (_ctx, wrapper) => {
          failureBlock.wrapper = wrapper;
          failureBlock.title = "";
          setTitle(failureBlock, failureTitle());
          await allDone.promise;
          setTitle(failureBlock, failureTitle());
          if (model.counts().failed > 0) throw new Error(failureBlock.title);
        },
      },
    ];
  }

  /** Builds and starts the list once the plan is known. */
  function start(): void {
    compact = model.rows.length > budget();
    siteWidth = Math.min(30, Math.max(0, ...model.rows.map((row) => row.run.config.site.length)));
    const tasks = [headerTask(), ...(compact ? blockTasks() : model.rows.map(rowTask))];
    const logger = new ListrLogger({
      useIcons: true,
      processOutput: new ProcessOutput(
        stream as unknown as NodeJS.WriteStream,
        stream as unknown as NodeJS.WriteStream,
      ),
    });
    const list = new Listr(tasks, {
      concurrent: true,
      exitOnError: false,
      collectErrors: false,
      registerSignalListeners: false,
      renderer: StreamRenderer,
      rendererOptions: {
        logger,
        color: createIconColors(paint, options.color),
        formatOutput: "truncate",
        lazy: options.spinner === false,
        collapseErrors: true,
        collapseSkips: true,
        showErrorMessage: true,
        clearOutput: false,
      },
    });
    listrRun = list.run().catch(() => undefined);
    const refreshMs = options.refreshMs ?? 500;
    if (refreshMs > 0) {
      timer = setInterval(refresh, refreshMs);
      timer.unref();
    }
    if (model.rows.length === 0) allDone.resolve();
  }

  /** Applies an event to the list. */
  function handle(event: RunEvent): void {
    const row = model.apply(event);
    if (event.type === "plan") {
      if (listrRun === null) start();
      return;
    }
    if (event.type === "warning") {
      // Before the list is drawn (or after) a warning can go straight to the terminal.
      if (listrRun === null) stream.write(`warning: ${cleanText(event.message)}\n`);
      else {
        laterWarnings.push(event.message);
        if (header.wrapper) header.wrapper.output = `warning: ${cleanText(event.message)}`;
      }
      return;
    }
    if (listrRun === null) return;
    if (row !== null && !compact) {
      const task = rowTasks.get(row);
      if (task) {
        if (event.type === "start" || event.type === "finish") task.gate.resolve();
        if (event.type === "finish") task.done.resolve();
        else if (event.type !== "output") setTitle(task, rowTitle(row));
      }
    }
    if (event.type !== "output") {
      setTitle(header, headerTitle());
      if (compact) {
        setTitle(runningBlock, runningTitle());
        setTitle(failureBlock, failureTitle());
      }
    }
    const counts = model.counts();
    if (counts.done === counts.total) allDone.resolve();
  }

  return {
    onEvent(event: RunEvent): void {
      try {
        handle(event);
      } catch {
        // A display problem must never disturb the run itself.
      }
    },
    async close(): Promise<void> {
      if (timer) clearInterval(timer);
      if (listrRun !== null) {
        // Let any config the runner left without a result end its row, so the list can finish.
        for (const task of rowTasks.values()) {
          task.gate.resolve();
          task.done.resolve();
        }
        allDone.resolve();
        await listrRun;
      }
      for (const message of laterWarnings) stream.write(`warning: ${cleanText(message)}\n`);
    },
  };
}

/** Icon colours for every listr level: ours when colour is on, none at all when off. */
function createIconColors(paint: Paint, color: boolean): Record<string, (text: string) => string> {
  const same = (text: string): string => text;
  const colors: Record<string, (text: string) => string> = {};
  for (const level of Object.values(ListrDefaultRendererLogLevels))
    colors[level] = color ? paint.dim : same;
  if (color) {
    colors[ListrDefaultRendererLogLevels.COMPLETED] = paint.green;
    colors[ListrDefaultRendererLogLevels.PENDING] = paint.yellow;
    colors[ListrDefaultRendererLogLevels.FAILED] = paint.red;
    colors[ListrDefaultRendererLogLevels.SKIPPED_WITH_COLLAPSE] = paint.yellow;
    colors[ListrDefaultRendererLogLevels.SKIPPED_WITHOUT_COLLAPSE] = paint.yellow;
    colors[ListrDefaultRendererLogLevels.RETRY] = paint.yellow;
  }
  return colors;
}
