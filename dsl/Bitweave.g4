/*
 * Bitweave DSL grammar.
 *
 * The grammar only knows the shape of a file: a design line, then declarations (param, pe, array),
 * each ending at a newline or ';'. What may appear inside a `{ ... }` body is NOT spelled out here:
 * a body is a list of generic members, `name : type args*` or `name args*`, and the checker
 * (bitweave.check) decides which members a pe or an array kind accepts. New unit kinds, transforms
 * and types therefore add checker rules, not grammar, and existing files keep their meaning.
 *
 * Newlines are tokens (NL) because they end statements. Line comments and blank lines are dropped
 * or absorbed by `sep*`; a block comment that spans lines is turned into one NL token by
 * bitweave.parse.BitweaveTokenizer, so it separates statements exactly like the newline it hides.
 */
grammar Bitweave;

file
    : sep* designDecl (sep+ decl)* sep* EOF
    ;

designDecl
    : 'design' name=ID
    ;

decl
    : paramDecl
    | peDecl
    | arrayDecl
    ;

// param ROWS = 8 in 1..64
paramDecl
    : 'param' name=ID '=' value=expr ( 'in' lo=expr '..' hi=expr )?
    ;

// pe mac { a : int8 ... }
peDecl
    : 'pe' name=ID body
    ;

// array top = systolic(ROWS, COLS) of mac { dataflow output_stationary }
arrayDecl
    : 'array' name=ID '=' kind=ID '(' argList? ')' 'of' pe=ID body?
    ;

argList
    : expr ( ',' expr )*
    ;

body
    : '{' sep* ( member ( sep+ member )* sep* )? '}'
    ;

// Arguments are written side by side: `pipeline 2`, `tile M 2 N 64`. An operator between two
// arguments joins them into one expression (`pipeline 2 -1` is `pipeline 1`); parenthesize.
member
    : name=ID ':' typeRef expr*     # typedMember
    | name=ID expr*                 # plainMember
    ;

// int8, uint4, int(W), uint(W + 1)
typeRef
    : name=ID ( '(' width=expr ')' )?
    ;

// Precedence as levels, each level one flat loop (no left recursion): `a - b + c` is one sum of three
// terms, computed left to right, and a sum of 100,000 terms is a loop, not 100,000 nested calls.
// Only parentheses and unary minus nest (bitweave.parse.NestingLimitParser limits how deeply). The
// operator loops are greedy: an operator always continues the expression (see member); the parser
// decides that from the operator alone (bitweave.parse.GreedyOperatorPrediction).
expr
    : term ( ops+=( '+' | '-' ) term )*
    ;

term
    : factor ( ops+=( '*' | '/' ) factor )*
    ;

factor
    : op='-' factor                    # negate
    | '(' expr ')'                    # paren
    | INT                             # intLiteral
    | ID                              # nameRef
    ;

sep
    : NL
    | ';'
    ;

NL            : '\r'? '\n' | '\r' ;
WS            : [ \t\f]+ -> skip ;
LINE_COMMENT  : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
// A '/*' with no '*/' after it: matched whole so the user gets one error, not one per character.
UNTERMINATED_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* EOF ;
ID            : [a-zA-Z_] [a-zA-Z_0-9]* ;
INT           : [0-9]+ ;
