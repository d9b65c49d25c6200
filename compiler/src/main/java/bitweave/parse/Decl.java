package bitweave.parse;

import bitweave.ir.SourceLoc;

import java.util.List;

/** A top-level declaration: {@code param}, {@code pe} or {@code array}. */
public sealed interface Decl permits Decl.Param, Decl.Pe, Decl.Array {

    /** The declared name. */
    String name();

    /** Where the declared name is written (diagnostics about the declaration point here). */
    SourceLoc nameLoc();

    /** The keyword as written, for messages: "param", "pe", "array". */
    String keyword();

    /**
     * {@code param NAME = value [in lo..hi]}.
     *
     * @param lo null when no range is given (then hi is null too)
     */
    record Param(String name, SourceLoc nameLoc, Expr value, Expr lo, Expr hi) implements Decl {
        public boolean hasRange() {
            return lo != null;
        }

        @Override
        public String keyword() {
            return "param";
        }
    }

    /** {@code pe NAME { members }}. */
    record Pe(String name, SourceLoc nameLoc, List<Member> members) implements Decl {
        public Pe {
            members = List.copyOf(members);
        }

        @Override
        public String keyword() {
            return "pe";
        }
    }

    /**
     * {@code array NAME = KIND(args) of PE { members }}.
     *
     * @param kindLoc where the kind (e.g. {@code systolic}) is written
     * @param peLoc   where the PE name after {@code of} is written
     */
    record Array(String name, SourceLoc nameLoc, String kind, SourceLoc kindLoc, List<Expr> args,
                 String pe, SourceLoc peLoc, List<Member> members) implements Decl {
        public Array {
            args = List.copyOf(args);
            members = List.copyOf(members);
        }

        @Override
        public String keyword() {
            return "array";
        }
    }
}
