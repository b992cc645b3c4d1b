/**
 * One step of a workflow's machine (状态机单步), pure: the next snapshot, no action run. XState's
 * own `transition` makes a new actor for every call, and making one works out the machine's
 * initial snapshot, which cost more than the step itself. Here each machine has one inert actor
 * (`self`), made once; each step still gets a fresh actor system, as XState's `transition` gives
 * it, so that whatever a step spawns is registered there and never meets another step's.
 */
import {
  createActor,
  fromTransition,
  type AnyActorRef,
  type AnyActorScope,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type EventObject,
} from 'xstate';

const selves = new WeakMap<AnyStateMachine, AnyActorRef>();
/** Logic whose actor does nothing: made only for its fresh, empty system. */
const NOTHING = fromTransition((state: undefined) => state, undefined);
const none = () => undefined;

/** `machine`'s next snapshot from `snapshot` on `event` (the very same snapshot when nothing is taken). */
export function machineStep(
  machine: AnyStateMachine,
  snapshot: AnyMachineSnapshot,
  event: EventObject,
): AnyMachineSnapshot {
  let self = selves.get(machine);
  if (!self) {
    self = createActor(machine);
    selves.set(machine, self);
  }
  const { system } = createActor(NOTHING);
  self.system = system;
  const scope: AnyActorScope = {
    self,
    system,
    id: '',
    sessionId: '',
    defer: none,
    logger: none,
    stopChild: none,
    emit: none,
    actionExecutor: none,
  };
  return machine.transition(snapshot, event, scope) as AnyMachineSnapshot;
}
