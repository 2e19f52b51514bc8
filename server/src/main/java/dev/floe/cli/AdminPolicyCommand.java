package dev.floe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code floe admin policy}: named IAM policies and their attachment to users and groups. */
@Command(
    name = "policy",
    description = "Create, list, show, remove, attach and detach IAM policies.",
    subcommands = {
      AdminPolicyCommand.CreatePolicy.class,
      AdminPolicyCommand.ListPolicies.class,
      AdminPolicyCommand.ShowPolicy.class,
      AdminPolicyCommand.RemovePolicy.class,
      AdminPolicyCommand.AttachPolicy.class,
      AdminPolicyCommand.DetachPolicy.class
    })
final class AdminPolicyCommand {

  @Command(
      name = "create",
      description = "Create a policy named NAME from the IAM JSON in FILE.",
      footerHeading = "%nExample:%n",
      footer = "  floe admin policy create local readonly readonly.json")
  static final class CreatePolicy extends AdminScopedCommand {
    @Parameters(index = "1", paramLabel = "NAME", description = "The policy's name.")
    String name;

    @Parameters(index = "2", paramLabel = "FILE", description = "The policy document (IAM JSON).")
    Path file;

    @Override
    void run(AdminClient admin, Output output) {
      JsonNode policy =
          admin.post(AdminClient.body().put("name", name).put("document", PolicyFile.read(file)), "policies");
      output.emit(policy, out -> out.println("Created policy '" + name + "'."));
    }
  }

  @Command(name = "list", aliases = "ls", description = "List the policies.")
  static final class ListPolicies extends AdminScopedCommand {
    @Override
    void run(AdminClient admin, Output output) {
      JsonNode policies = admin.get("policies");
      output.emit(policies, out -> {
        if (policies.get("policies").isEmpty()) {
          out.println("No policies on '" + alias + "'.");
        }
        policies.get("policies").forEach(p -> out.println(p.get("name").asText()));
      });
    }
  }

  @Command(name = "show", aliases = "info", description = "Print a policy's document.")
  static final class ShowPolicy extends AdminScopedCommand {
    @Parameters(index = "1", paramLabel = "NAME", description = "The policy.")
    String name;

    @Override
    void run(AdminClient admin, Output output) {
      JsonNode policy = admin.get("policies", name);
      output.emit(policy, out -> out.println(policy.get("document").asText()));
    }
  }

  @Command(name = "remove", aliases = "rm", description = "Remove a policy that nothing has attached.")
  static final class RemovePolicy extends AdminScopedCommand {
    @Parameters(index = "1", paramLabel = "NAME", description = "The policy.")
    String name;

    @Override
    void run(AdminClient admin, Output output) {
      admin.delete("policies", name);
      output.emit(Output.success().put("policy", name), out -> out.println("Removed policy '" + name + "'."));
    }
  }

  /** Exactly one of {@code --user} and {@code --group}. */
  static final class Target {
    @Option(names = "--user", paramLabel = "USER", required = true, description = "A user.")
    String user;

    @Option(names = "--group", paramLabel = "GROUP", required = true, description = "A group.")
    String group;

    ObjectNode body() {
      return user != null ? AdminClient.body().put("user", user) : AdminClient.body().put("group", group);
    }

    String describe() {
      return user != null ? "user '" + user + "'" : "group '" + group + "'";
    }
  }

  @Command(
      name = "attach",
      description = "Attach a policy to a user or a group.",
      footerHeading = "%nExample:%n",
      footer = "  floe admin policy attach local readonly --user alice")
  static final class AttachPolicy extends AdminScopedCommand {
    @Parameters(index = "1", paramLabel = "NAME", description = "The policy.")
    String name;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Override
    void run(AdminClient admin, Output output) {
      JsonNode result = admin.post(target.body(), "policies", name, "attach");
      output.emit(result, out -> out.println("Attached policy '" + name + "' to " + target.describe() + "."));
    }
  }

  @Command(name = "detach", description = "Detach a policy from a user or a group.")
  static final class DetachPolicy extends AdminScopedCommand {
    @Parameters(index = "1", paramLabel = "NAME", description = "The policy.")
    String name;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Override
    void run(AdminClient admin, Output output) {
      JsonNode result = admin.post(target.body(), "policies", name, "detach");
      output.emit(result, out -> out.println("Detached policy '" + name + "' from " + target.describe() + "."));
    }
  }
}
