package dev.vpatch.engine.transformations;

import static dev.vpatch.engine.transformations.TransformationAssertions.keeps;
import static dev.vpatch.engine.transformations.TransformationAssertions.transforms;

import org.junit.jupiter.api.Test;

class CommentsTest {
  @Test
  void replaceCommentsReplacesEachCCommentWithASpace() {
    keeps("replaceComments", "");
    keeps("replaceComments", "a*/b--c#d<!--e-->");
    transforms("replaceComments", "SELECT/**/1/*x*/FROM", "SELECT 1 FROM");
    transforms("replaceComments", "/*a*//*b*/", "  ");
  }

  @Test
  void replaceCommentsReplacesAnUnterminatedComment() {
    transforms("replaceComments", "a/*b", "a ");
    transforms("replaceComments", "a/*/b", "a ");
  }

  @Test
  void removeCommentsRemovesCAndHtmlComments() {
    keeps("removeComments", "");
    keeps("removeComments", "a-b*/c<!-d");
    transforms("removeComments", "SELECT/**/UNION", "SELECTUNION");
    transforms("removeComments", "foo<!-- x -->bar<!-- y -->baz", "foobarbaz");
    transforms("removeComments", "/*x-->y", "y");
  }

  @Test
  void removeCommentsCutsAtLineComments() {
    transforms("removeComments", "1 OR 1=1-- x", "1 OR 1=1");
    transforms("removeComments", "1 OR 1=1# x", "1 OR 1=1");
    transforms("removeComments", "#", "");
  }

  @Test
  void removeCommentsTurnsAnUnterminatedCommentIntoASpace() {
    transforms("removeComments", "a/*b", "a ");
    transforms("removeComments", "<!--x", " ");
  }

  @Test
  void removeCommentsCopiesTheByteAfterATerminatorLikeModSecurity() {
    transforms("removeComments", "/*a*//*b*/", "/*b*/");
    transforms("removeComments", "/*a*/-->b", "-->b");
    transforms("removeComments", "a/*b*/", "a\0");
    transforms("removeComments", "foo<!-- x --><!-- y -->bar", "foo<!");
  }

  @Test
  void removeCommentsCharRemovesOnlyTheMarkers() {
    keeps("removeCommentsChar", "");
    keeps("removeCommentsChar", "a-b<!-c");
    transforms("removeCommentsChar", "a/*b*/c", "abc");
    transforms("removeCommentsChar", "<!--x-->", "x");
    transforms("removeCommentsChar", "a--b#c", "abc");
    transforms("removeCommentsChar", "---", "-");
    transforms("removeCommentsChar", "/*/", "/");
  }
}
