package org.knead.seed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.knead.testing.CoreTestApplication;
import org.knead.testing.StoreCleaner;
import org.knead.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Attack: the public API used to run the first start too, so the admin password could land in its logs. */
@SpringBootTest(classes = CoreTestApplication.class, properties = "knead.core.first-start=false")
class FirstStartDisabledTest {

    @Autowired FirstStart firstStart;
    @Autowired UserService users;
    @Autowired MongoTemplate mongo;

    @Test
    void withFirstStartOffNoUserIsCreated() {
        StoreCleaner.clean(mongo);
        firstStart.onStart();
        assertThat(users.count()).isZero();
    }
}
