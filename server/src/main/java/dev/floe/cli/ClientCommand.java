package dev.floe.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A command of the client side of {@code floe}: it reads aliases and prints text or JSON. */
abstract class ClientCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** The {@code --json} and {@code --config-dir} values, kept by the enclosing command group. */
  GlobalOptions options() {
    for (CommandSpec command = spec; command != null; command = command.parent()) {
      CommandSpec mixin = command.mixins().get(GlobalOptions.MIXIN_NAME);
      if (mixin != null) {
        return (GlobalOptions) mixin.userObject();
      }
    }
    throw new IllegalStateException(spec.qualifiedName() + " is not below a group with --json");
  }

  Output output() {
    return new Output(spec.commandLine().getOut(), options().json());
  }

  AliasStore aliases() {
    return AliasStore.in(options().configDir());
  }

  /** A mistake in the arguments found only after parsing: reported like a parse error (exit 2). */
  ParameterException usageError(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
