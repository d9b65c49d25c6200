package bitweave.parse;

import bitweave.ir.SourceLoc;

import java.util.List;

/**
 * The AST of one DSL file, exactly as written: names are not resolved and expressions are not
 * evaluated (that is bitweave.check's job).
 *
 * @param designName the name after {@code design}
 * @param designLoc  where the design name is written
 * @param decls      every declaration after the design line, in file order
 */
public record SourceFile(String designName, SourceLoc designLoc, List<Decl> decls) {
    public SourceFile {
        decls = List.copyOf(decls);
    }
}
